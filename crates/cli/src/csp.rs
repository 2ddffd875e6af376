//! The Content-Security-Policy of `govit-check serve`'s responses (the demo portal's files
//! with `--www`), chosen by the browser that asks: the one place that decides how the
//! portal's WebAssembly is allowed.
//!
//! The portal runs the engine as WebAssembly, which a CSP allows with `'wasm-unsafe-eval'`
//! — a keyword Chromium knows only from version 97. Chromium 85–96 (360安全浏览器 13, the
//! first 信创 browsers: Chromium 86) ignore it and refuse to compile any `.wasm` ("Wasm
//! code generation disallowed by embedder") unless `script-src` has `'unsafe-eval'`.
//! The policy is therefore per `User-Agent`:
//!
//! | browser (`Chrome/NN` in the User-Agent) | `script-src` | the portal |
//! | --- | --- | --- |
//! | Chromium ≥ 97, and every browser without `Chrome/NN` (Firefox, Safari, curl) | `'self' 'wasm-unsafe-eval'` | Wasm |
//! | Chromium 85–96 | `'self' 'unsafe-eval'` | Wasm (the package's compat build) |
//! | Chromium ≤ 84 (no build of the package runs there) | `'self'` | checks through this service |
//!
//! The trade-off, written down (README, "Demo portal"): in Chromium 85–96 `'unsafe-eval'`
//! also lets a script of the page turn a string into code (`eval`, `new Function`, a
//! string given to `setTimeout`). What stays forbidden there is what an attacker needs
//! first — any script that is not one of the page's own files (no inline script, no
//! other origin); the page's scripts hold no such call (the portal's e2e tests check
//! `www/` for them) and build the DOM with `textContent` only. Without it those browsers
//! would have no WebAssembly at all and would send every check to the service. The
//! alternatives were worse: `'unsafe-eval'` for every browser, or no CSP. A browser
//! that lies about its version gets the policy of the version it names: it can only
//! loosen its own page. Every response says `Vary: User-Agent`, so that no cache hands
//! one browser's policy to another. `--connect-src` origins join every policy's
//! `connect-src`.

use axum::http::HeaderValue;

/// `script-src` for browsers that know `'wasm-unsafe-eval'` (or need no keyword at all).
const WASM_UNSAFE_EVAL: &str = "'self' 'wasm-unsafe-eval'";
/// `script-src` for Chromium 85–96: WebAssembly compiles only under `'unsafe-eval'`.
const UNSAFE_EVAL: &str = "'self' 'unsafe-eval'";
/// `script-src` for Chromium ≤ 84: no build of the package runs there anyway.
const SELF_ONLY: &str = "'self'";

/// What stands if a policy could not be made a header (it always can: the origins added
/// were header values already): nothing runs.
const LOCKED: &str = "default-src 'none'; frame-ancestors 'none'";

/// The first Chromium that knows `'wasm-unsafe-eval'`.
const FIRST_WASM_UNSAFE_EVAL: u32 = 97;
/// The first Chromium the package's compat build runs in (multi-value WebAssembly).
const FIRST_WITH_A_BUILD: u32 = 85;

/// The policy with these `script-src` sources; `connect` (origins, each after a space)
/// joins `connect-src 'self'` (`--connect-src`).
fn text(script: &str, connect: &str) -> String {
    format!(
        "default-src 'self'; script-src {script}; style-src 'self'; img-src 'self'; \
         font-src 'self'; connect-src 'self'{connect}; object-src 'none'; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'"
    )
}

/// The three policies of a running service, made once.
pub struct Policies {
    modern: HeaderValue,
    chromium_85_96: HeaderValue,
    chromium_old: HeaderValue,
}

impl Policies {
    /// The policies, with `connect` origins (`--connect-src`) added to `connect-src`.
    pub fn new(connect: &[HeaderValue]) -> Policies {
        let extra: String = connect
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(|o| format!(" {o}"))
            .collect();
        let value = |script: &str| {
            HeaderValue::from_str(&text(script, &extra)).unwrap_or(HeaderValue::from_static(LOCKED))
        };
        Policies {
            modern: value(WASM_UNSAFE_EVAL),
            chromium_85_96: value(UNSAFE_EVAL),
            chromium_old: value(SELF_ONLY),
        }
    }

    /// The policy for a request with this `User-Agent` (absent: the modern one).
    pub fn for_user_agent(&self, user_agent: Option<&HeaderValue>) -> &HeaderValue {
        match user_agent.and_then(|ua| chromium_major(ua.as_bytes())) {
            Some(v) if v >= FIRST_WASM_UNSAFE_EVAL => &self.modern,
            Some(v) if v >= FIRST_WITH_A_BUILD => &self.chromium_85_96,
            Some(_) => &self.chromium_old,
            None => &self.modern,
        }
    }

    /// The policy when no request is at hand (a refusal before one was read).
    pub fn modern(&self) -> &HeaderValue {
        &self.modern
    }
}

/// The major version after the first `Chrome/` of a User-Agent (`HeadlessChrome/86.0…`,
/// `… Chrome/86.0.4240.198 Safari/537.36 Edg/86…`, QQ and 360 browsers alike), if any.
fn chromium_major(ua: &[u8]) -> Option<u32> {
    const TOKEN: &[u8] = b"Chrome/";
    let at = ua.windows(TOKEN.len()).position(|w| w == TOKEN)? + TOKEN.len();
    let rest = ua.get(at..)?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    std::str::from_utf8(rest.get(..digits)?).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(ua: &str) -> String {
        let p = Policies::new(&[]);
        let value = HeaderValue::from_str(ua).unwrap();
        p.for_user_agent(Some(&value)).to_str().unwrap().to_owned()
    }

    /// The `script-src` sources of the policy a User-Agent gets.
    fn script_src(ua: &str) -> String {
        let p = policy(ua);
        let at = p.find("script-src ").unwrap() + "script-src ".len();
        p[at..at + p[at..].find(';').unwrap()].to_owned()
    }

    fn ua(major: &str) -> String {
        format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.4240.198 Safari/537.36")
    }

    #[test]
    fn chromium_versions_at_each_boundary() {
        for (major, script) in [
            ("69", SELF_ONLY),
            ("84", SELF_ONLY),
            ("85", UNSAFE_EVAL),
            ("86", UNSAFE_EVAL),
            ("96", UNSAFE_EVAL),
            ("97", WASM_UNSAFE_EVAL),
            ("143", WASM_UNSAFE_EVAL),
        ] {
            assert_eq!(script_src(&ua(major)), script, "Chrome/{major}");
        }
    }

    #[test]
    fn other_browsers_and_odd_user_agents_get_the_modern_policy() {
        for u in [
            "Mozilla/5.0 (X11; Linux x86_64; rv:78.0) Gecko/20100101 Firefox/78.0",
            "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0 Safari/605.1.15",
            "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/86.0 Mobile/15E148 Safari/604.1",
            "curl/8.0",
            "Chrome/",
            "Chrome/x86",
            "Chrome/123456789",
            "",
        ] {
            assert_eq!(script_src(u), WASM_UNSAFE_EVAL, "{u}");
        }
        let p = Policies::new(&[]);
        assert_eq!(p.for_user_agent(None), p.modern());
        let bytes = HeaderValue::from_bytes(&[0xff, 0xfe, b'C']).unwrap();
        assert_eq!(p.for_user_agent(Some(&bytes)), p.modern());
    }

    #[test]
    fn headless_and_branded_chromium_are_read_by_their_kernel() {
        let headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/86.0.4240.0 Safari/537.36";
        assert_eq!(script_src(headless), UNSAFE_EVAL);
        let qq = "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.25 Safari/537.36 Core/1.70.3870.400 QQBrowser/10.8.4405.400";
        assert_eq!(script_src(qq), SELF_ONLY);
        let edge = "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.45 Safari/537.36 Edg/96.0.1054.29";
        assert_eq!(script_src(edge), UNSAFE_EVAL);
    }

    #[test]
    fn every_policy_keeps_the_rest_strict_and_takes_the_connect_origins() {
        let origin = HeaderValue::from_static("https://checks.example.gov.cn");
        let p = Policies::new(&[origin]);
        for v in [&p.modern, &p.chromium_85_96, &p.chromium_old] {
            let text = v.to_str().unwrap();
            for d in [
                "default-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'",
                "connect-src 'self' https://checks.example.gov.cn;",
            ] {
                assert!(text.contains(d), "{text} lacks {d}");
            }
            assert!(!text.contains("unsafe-inline"), "{text}");
        }
        assert!(Policies::new(&[])
            .modern()
            .to_str()
            .unwrap()
            .contains("connect-src 'self'; "));
    }
}
