//! Embeds every `locales/<code>/*.ftl` file, so that adding a language is adding a folder.
//! The server's own files (API problems, emails) go in `SERVER_SOURCES`, which only the
//! `server-messages` feature reads: the app shows the API's words as the API wrote them, and
//! every kilobyte of text costs a volunteer's phone. The forms' words (registering,
//! managing, coordinating) go in `FORM_SOURCES`, read with `form-messages` by the app's
//! forms build only, so that the catalog's first visit does not carry them; the dashboard's
//! (authoring the catalog) go in `DASHBOARD_SOURCES`, read with `dashboard-messages` by the
//! app's dashboard build only.
use std::{env, fs, path::PathBuf};

/// Files for the edge only.
const SERVER_FILES: &[&str] = &["api.ftl", "mail.ftl"];
/// Files for the app's forms build only.
const FORM_FILES: &[&str] = &["forms.ftl"];
/// Files for the app's dashboard build only.
const DASHBOARD_FILES: &[&str] = &["dashboard.ftl"];

/// Files for the service worker's page script only (`scripts/build-sw.mjs` bundles them):
/// no Rust build reads them.
const SERVICE_WORKER_FILES: &[&str] = &["offline.ftl"];

/// The table a file belongs to.
fn table(file: &str) -> &'static str {
    if SERVICE_WORKER_FILES.contains(&file) {
        "NONE"
    } else if SERVER_FILES.contains(&file) {
        "SERVER_SOURCES"
    } else if FORM_FILES.contains(&file) {
        "FORM_SOURCES"
    } else if DASHBOARD_FILES.contains(&file) {
        "DASHBOARD_SOURCES"
    } else {
        "SOURCES"
    }
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut locales: Vec<(String, Vec<PathBuf>)> = Vec::new();
    for entry in fs::read_dir(&root).expect("locales/ folder") {
        let path = entry.expect("locale entry").path();
        if !path.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let code = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = fs::read_dir(&path)
            .expect("locale folder")
            .map(|e| e.expect("ftl entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
        }
        locales.push((code, files));
    }
    locales.sort();
    let mut out = String::new();
    for name in [
        "SOURCES",
        "FORM_SOURCES",
        "DASHBOARD_SOURCES",
        "SERVER_SOURCES",
    ] {
        out.push_str(&format!(
            "#[allow(dead_code)]\npub(crate) static {name}: &[(&str, &[(&str, &str)])] = &[\n"
        ));
        for (code, files) in &locales {
            out.push_str(&format!("    ({code:?}, &[\n"));
            for f in files {
                let file = f.file_name().unwrap().to_string_lossy();
                if table(&file) != name {
                    continue;
                }
                let abs = fs::canonicalize(f).unwrap();
                out.push_str(&format!(
                    "        ({file:?}, include_str!({:?})),\n",
                    abs.display().to_string()
                ));
            }
            out.push_str("    ]),\n");
        }
        out.push_str("];\n");
    }
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap()).join("locales.rs");
    fs::write(dest, out).expect("write locales.rs");
}
