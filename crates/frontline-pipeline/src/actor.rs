//! Actors: the curated actor dictionary and actor mentions.
//!
//! (Skeleton: a handful of names. The curated dictionary with aliases,
//! inter codes, countries and validity dates, and coreference, are issue 2.)

use crate::clean::CleanText;
use crate::model::Inter;
use crate::segment::Sentence;

/// An actor as coded in events.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRef {
    /// ACLED-style canonical name, already specialised to the country.
    pub name: String,
    pub inter: Inter,
    /// ISO alpha-2 country the actor belongs to, if any.
    pub country_code: Option<String>,
}

/// An actor recognised in the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Byte range in `CleanText::text`.
    pub start: usize,
    pub end: usize,
    pub actor: ActorRef,
    /// True for resolved references ("the militants", "the regime").
    pub coreferent: bool,
}

#[derive(Debug, Default)]
pub struct ActorDictionary {
    entries: Vec<(&'static str, &'static str, Inter)>,
}

impl ActorDictionary {
    pub fn builtin() -> ActorDictionary {
        ActorDictionary {
            entries: vec![
                ("Islamic State", "Islamic State (Syria)", Inter::RebelGroup),
                ("regime forces", "Military Forces of Syria (2000-)", Inter::StateForces),
            ],
        }
    }

    /// Actor mentions in the text, in order.
    pub fn recognise(
        &self,
        clean: &CleanText,
        sentences: &[Sentence],
        _country_code: Option<&str>,
    ) -> Vec<ActorMention> {
        let mut out = Vec::new();
        for s in sentences {
            let text = &clean.text[s.start..s.end];
            for (alias, name, inter) in &self.entries {
                for (i, _) in text.match_indices(alias) {
                    out.push(ActorMention {
                        start: s.start + i,
                        end: s.start + i + alias.len(),
                        actor: ActorRef { name: (*name).to_string(), inter: *inter, country_code: None },
                        coreferent: false,
                    });
                }
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }
}
