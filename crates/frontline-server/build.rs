//! Installs the web map's third-party assets (Leaflet, its marker cluster
//! plugin, topojson-client, the Natural Earth countries of `world-atlas`) from
//! the npm registry with `npm ci`, as pinned by `web/package-lock.json`, and
//! copies the files the page needs into `OUT_DIR/assets` for embedding. The
//! assets are never committed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

/// (file under `web/node_modules`, name served under `/assets/`).
const ASSETS: &[(&str, &str)] = &[
    ("leaflet/dist/leaflet.js", "leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet.css"),
    ("leaflet.markercluster/dist/leaflet.markercluster.js", "leaflet.markercluster.js"),
    ("leaflet.markercluster/dist/MarkerCluster.css", "MarkerCluster.css"),
    ("leaflet.markercluster/dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"),
    ("topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"),
    ("world-atlas/countries-50m.json", "countries-50m.json"),
];

fn main() {
    let web = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("web");
    println!("cargo:rerun-if-changed=web/package.json");
    println!("cargo:rerun-if-changed=web/package-lock.json");
    let modules = web.join("node_modules");
    if ASSETS.iter().any(|(from, _)| !modules.join(from).is_file()) {
        npm_ci(&web);
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("assets");
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("cannot create {}: {e}", out.display()));
    for (from, to) in ASSETS {
        let src = modules.join(from);
        fs::copy(&src, out.join(to)).unwrap_or_else(|e| panic!("cannot copy web asset {}: {e}", src.display()));
        println!("cargo:rerun-if-changed={}", src.display());
    }
}

fn npm_ci(web: &Path) {
    let status =
        Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--prefix"]).arg(web).status().unwrap_or_else(|e| {
            panic!(
                "frontline-server needs npm to install the web map's assets (leaflet, world-atlas) into {}: \
                 running `npm` failed: {e}; install Node.js and npm, then build again",
                web.join("node_modules").display()
            )
        });
    if !status.success() {
        panic!("`npm ci --prefix {}` failed ({status}); the web map's assets are missing", web.display());
    }
}
