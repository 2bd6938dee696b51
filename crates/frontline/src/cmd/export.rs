//! `frontline export` (being built; see its issue).

use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<Outcome> {
    anyhow::bail!("`frontline export` is not built yet")
}
