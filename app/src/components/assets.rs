//! The static files pages link to. Files in `public/` carry the first ten hex digits of their
//! SHA-256 in their name (the test below keeps names and contents in step), so that they can be
//! cached for a year: a changed file is a new name. `/pkg/` files are hashed by cargo-leptos.

use leptos::prelude::*;
use leptos_meta::Link;

use crate::i18n::Lang;

pub const FAVICON: &str = "/favicon.a46c0f7d82.svg";

const ARABIC_400: &str = "/fonts/ibm-plex-sans-arabic-arabic-400-normal.6010e7fd0d.woff2";
const ARABIC_700: &str = "/fonts/ibm-plex-sans-arabic-arabic-700-normal.04c730b429.woff2";
const LATIN_400: &str = "/fonts/ibm-plex-sans-arabic-latin-400-normal.9ed8dcb02e.woff2";
const LATIN_700: &str = "/fonts/ibm-plex-sans-arabic-latin-700-normal.ae2d59f91e.woff2";

/// The fonts the page's own script needs, fetched with the stylesheet rather than after it, so
/// that text is laid out once, in its font. An Arabic page needs the Latin files too: its digits,
/// punctuation and the isolate marks around every name and figure are in their range, and a late
/// Latin file moved the lines of /training's cards (Lighthouse's layout shift 0.13 on a phone).
pub fn font_preloads(lang: Lang) -> impl IntoView {
    let fonts: &[&str] = match lang {
        Lang::Ar => &[ARABIC_400, ARABIC_700, LATIN_400, LATIN_700],
        Lang::En => &[LATIN_400, LATIN_700],
    };
    fonts
        .iter()
        .map(|&href| view! { <Link rel="preload" href=href as_="font" type_="font/woff2" crossorigin="anonymous"/> })
        .collect_view()
}

/// The island loader, in every page's `<head>`: a small inline module script (with the response's
/// CSP nonce) that, on a page with an island, loads the WASM when the browser is idle and hydrates
/// the islands. A page without an island downloads no module and no WASM at all.
#[component]
pub fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    view! { <script type="module" nonce=nonce>{pkg_files(&options).loader.as_str()}</script> }
}

/// The stylesheet `/pkg/tam.<hash>.css`, as leptos_meta's `HashedStylesheet` links it, with the
/// name read once: that component reads `hash.txt` again on every page it renders.
#[component]
pub fn Stylesheet(options: LeptosOptions) -> impl IntoView {
    view! { <link id="leptos" rel="stylesheet" href=pkg_files(&options).css.as_str()/> }
}

/// What pages link under `/pkg/`.
struct PkgFiles {
    css: String,
    /// The island loader called with `/pkg/tam.<hash>.js` and `.wasm`.
    loader: String,
}

/// The `/pkg/` names, read once from the `hash.txt` that cargo-leptos writes beside the binary of
/// a hashed build, or the plain names.
fn pkg_files(options: &LeptosOptions) -> &'static PkgFiles {
    static FILES: std::sync::OnceLock<PkgFiles> = std::sync::OnceLock::new();
    FILES.get_or_init(|| {
        let name = options.output_name.to_string();
        let (mut js, mut wasm, mut css) = (name.clone(), name.clone(), name);
        let hashes = options
            .hash_files
            .then(|| std::env::current_exe().ok()?.parent().map(|d| d.join(options.hash_file.as_ref())))
            .flatten()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .unwrap_or_default();
        for (file, hash) in hashes.lines().filter_map(|l| l.split_once(':')) {
            match file.trim() {
                "js" => js = format!("{js}.{}", hash.trim()),
                "wasm" => wasm = format!("{wasm}.{}", hash.trim()),
                "css" => css = format!("{css}.{}", hash.trim()),
                _ => {}
            }
        }
        let pkg = &options.site_pkg_dir;
        let (js, wasm) = (format!("/{pkg}/{js}.js"), format!("/{pkg}/{wasm}.wasm"));
        PkgFiles {
            css: format!("/{pkg}/{css}.css"),
            loader: format!("{}({js:?}, {wasm:?});", include_str!("island_loader.js")),
        }
    })
}

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};

    /// Every hashed file's name says its content; every file linked from code or CSS exists.
    #[test]
    fn public_files_are_named_by_their_content() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
        let mut checked = 0;
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                if name.ends_with(".txt") {
                    continue; // licences: not linked, not cached for long
                }
                let hash = format!("{:x}", Sha256::digest(std::fs::read(&path).unwrap()));
                let parts: Vec<&str> = name.split('.').collect();
                assert!(parts.len() >= 3, "{name} has no content hash in its name");
                assert_eq!(parts[parts.len() - 2], &hash[..10], "{name}: the name's hash is not its content's");
                checked += 1;
            }
        }
        assert!(checked >= 5, "public/ was not read");
        let css = std::fs::read_to_string(root.join("../style/main.css")).unwrap();
        let linked: Vec<String> = css
            .split("url(")
            .skip(1)
            .map(|r| r.split(')').next().unwrap().to_string())
            .chain(
                [super::FAVICON, super::ARABIC_400, super::ARABIC_700, super::LATIN_400, super::LATIN_700]
                    .map(String::from),
            )
            .collect();
        for href in linked {
            assert!(root.join(href.trim_start_matches('/')).exists(), "{href} is linked but missing from public/");
        }
    }
}
