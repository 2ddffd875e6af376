//! A loop to profile one entry point under `valgrind --tool=callgrind` (or `perf`),
//! where instruction counts are reproducible on a busy machine:
//!
//! ```sh
//! cargo build --profile profiling --example profile
//! valgrind --tool=callgrind --callgrind-out-file=cg.out \
//!     target/profiling/examples/profile json eligibility bench/fixtures/eligibility-baotou-complete.json 1000
//! callgrind_annotate cg.out | head -40
//! ```
//!
//! MODE is `json` (`evaluate_str`: text in, text out), `typed` (`check_eligibility`
//! alone), `parse` (`Application::from_json`), `batch` (`batch_line` over every line of
//! a JSON Lines file) or `empty` (no call: the loop's own cost).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a profiling driver: a wrong argument should stop it loudly"
)]

use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, check, file, n] = &args[..] else {
        eprintln!("usage: profile MODE CHECK FILE ITERATIONS");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(file).expect("readable file");
    let text = text.trim_end();
    let n: usize = n.parse().expect("ITERATIONS is a number");
    let mut bytes = 0usize;
    match mode.as_str() {
        "json" => {
            for _ in 0..n {
                bytes += govit_check::evaluate_str(check, black_box(text)).len();
            }
        }
        "typed" => {
            let app = govit_check::Application::from_json(text).expect("an application");
            for _ in 0..n {
                bytes += govit_check::check_eligibility(black_box(&app))
                    .findings
                    .len();
            }
        }
        "parse" => {
            for _ in 0..n {
                bytes += usize::from(govit_check::Application::from_json(black_box(text)).is_ok());
            }
        }
        "batch" => {
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            for _ in 0..n {
                for l in &lines {
                    bytes += govit_check::batch_line(black_box(l)).len();
                }
            }
        }
        "empty" => {}
        _ => {
            eprintln!("unknown MODE {mode}");
            std::process::exit(2);
        }
    }
    println!("{bytes}");
}
