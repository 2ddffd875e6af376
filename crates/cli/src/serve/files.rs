//! `--www DIR`: the files of a site (the demo portal) at `/`.
//!
//! DIR must be a site: a folder holding `index.html`, not `/`, not a system folder
//! (`/etc`, `/proc`, `/sys`, `/dev`, `/boot`, `/root`, `/run`) nor inside one, and neither
//! a home folder nor a folder holding one; anything else is a usage error at start. A URL
//! names a file under DIR: no `.`/`..` segments, no hidden names, no backslashes; a
//! folder's `index.html`, never a listing; and once links are resolved the file must
//! still be under DIR with no hidden folder or file on its way (a link into `.git` or out
//! of DIR serves nothing).

use super::App;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// Folders whose files are never a site.
const SYSTEM: [&str; 7] = ["/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/run"];

/// clap's parser of `--www`: the canonical folder, or why it is refused.
pub fn parse_www(s: &str) -> Result<PathBuf, String> {
    let dir = std::fs::canonicalize(s).map_err(|e| format!("{s}: {e}"))?;
    let refuse = |why: &str| Err(format!("{} {why}", dir.display()));
    if dir.parent().is_none() {
        return refuse("is the root of the file system: give the site's own folder (e.g. www/)");
    }
    for sys in SYSTEM {
        let sys = Path::new(sys);
        if dir.starts_with(sys) || sys.starts_with(&dir) {
            return refuse("is or holds a system folder: give the site's own folder (e.g. www/)");
        }
    }
    let homes = [
        std::env::var_os("HOME").map(PathBuf::from),
        Some(PathBuf::from("/home")),
    ];
    for home in homes.into_iter().flatten() {
        let home = std::fs::canonicalize(&home).unwrap_or(home);
        if home.starts_with(&dir) || dir.parent() == Some(Path::new("/home")) {
            return refuse("is or holds a home folder: give the site's own folder (e.g. www/)");
        }
    }
    if !dir.join("index.html").is_file() {
        return refuse(
            "holds no index.html: it is not a site (give the portal's folder, e.g. www/)",
        );
    }
    Ok(dir)
}

/// A file of the static root (`index.html` for a folder that has one); 404 for anything
/// else.
pub async fn static_file(State(app): State<Arc<App>>, method: Method, uri: Uri) -> Response {
    let not_found = || StatusCode::NOT_FOUND.into_response();
    let Some(root) = &app.www else {
        return not_found();
    };
    if method != Method::GET && method != Method::HEAD {
        let mut res = StatusCode::METHOD_NOT_ALLOWED.into_response();
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    let root = root.clone();
    let path = uri.path().to_owned();
    let found = tokio::task::spawn_blocking(move || {
        let file = resolve(&root, &path)?;
        let bytes = std::fs::read(&file).ok()?;
        Some((file, bytes))
    })
    .await;
    let Ok(Some((file, bytes))) = found else {
        return not_found();
    };
    let mut res = (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(content_type(&file)),
        )],
        bytes,
    )
        .into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// The file under `root` a URL path names, if it is one (see the module docs).
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut path = root.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg.starts_with('.') || seg.contains(['\\', '\0']) {
            return None;
        }
        path.push(seg);
    }
    if path.is_dir() {
        path.push("index.html");
    }
    let real = std::fs::canonicalize(&path).ok()?;
    let inside = real.strip_prefix(root).ok()?;
    let hidden = inside.components().any(|c| match c {
        Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => true,
    });
    (!hidden && real.is_file()).then_some(real)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_root() {
        let root =
            std::fs::canonicalize(concat!(env!("CARGO_MANIFEST_DIR"), "/src")).unwrap_or_default();
        assert!(resolve(&root, "/main.rs").is_some());
        assert!(resolve(&root, "/%6Dain.rs").is_some());
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/..%2fCargo.toml",
            "/.hidden",
            "/%",
            "/x%zz",
            "/a\\b",
            "/",
        ] {
            assert!(resolve(&root, bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn only_a_site_s_folder_is_served() {
        for bad in ["/", "/etc", "/proc/self", "/home", "/nonexistent-folder"] {
            assert!(parse_www(bad).is_err(), "{bad}");
        }
        // A folder without index.html is not a site.
        assert!(parse_www(concat!(env!("CARGO_MANIFEST_DIR"), "/src")).is_err());
    }
}
