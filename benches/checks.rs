//! Native benchmarks (`cargo bench`): what one check costs through each entry point, and
//! the batch path's throughput. Inputs are bench/fixtures/*.json (made by
//! bench/gen_fixtures.py), the same files the Wasm harness (bench/wasm/) runs.
//!
//! - `eligibility/<regime>/<complete|half>/typed`: `check_eligibility` on a parsed
//!   `Application` (the rules alone).
//! - `.../parse`: `Application::from_json` (JSON text → typed input).
//! - `.../json`: `evaluate_str` — text in, text out: what the CLI and Wasm calls pay
//!   (json − parse − typed ≈ writing the verdict).
//! - `cost/line`, `costs/50`, `change/4`, `change/100`, `project_class`: `.../json` via
//!   `evaluate_str`, `.../typed` the typed call on a read input.
//! - `batch/mixed`: `batch_line_into` over a mixed set of lines (throughput in lines/s);
//!   bench/batch.sh times the release binary on a 100k-line file.
//! - `reader/<fixture>/tape` against `reader/<fixture>/serde_json_value`: the crate's
//!   JSON reader against `serde_json::Value` (with `preserve_order`) on the same text —
//!   what keeping a hand-written reader is measured by (docs/performance.md).
//! - `costs/1000-real/json` and `.../typed`: a 1,000-line budget of real line names
//!   (tests/budget-lines/), every line read by the fee table's reader (issue 23).
//! - `suggest/...`: the fee table's `suggest` on an unknown item of 40 characters (Latin letters,
//!   Chinese) and of 12 (near the table's names in length: the search's worst case), and
//!   `costs/unknown-52kb/json`: a 52 KB budget of unknown 40-character items (issue 17).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark harness: a broken fixture should stop it loudly"
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use govit_check::json::parse;
use govit_check::{
    batch_line_into, check_change, check_eligibility, classify_cost, classify_costs, evaluate_str,
    table_of, Application, ChangeRequest, CostInput, CostsInput, Locale,
};
use std::hint::black_box;

macro_rules! fixture {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../bench/fixtures/", $name, ".json")),
        )
    };
}

const APPLICATIONS: &[(&str, &str)] = &[
    fixture!("eligibility-baotou-complete"),
    fixture!("eligibility-baotou-half"),
    fixture!("eligibility-wulong-complete"),
    fixture!("eligibility-wulong-half"),
    fixture!("eligibility-wuzhong-complete"),
    fixture!("eligibility-wuzhong-half"),
    fixture!("eligibility-shizuishan-complete"),
    fixture!("eligibility-shizuishan-half"),
    fixture!("eligibility-chuxiong-complete"),
    fixture!("eligibility-chuxiong-half"),
];

/// (bench name, check, fixture)
const OTHER: &[(&str, &str, (&str, &str))] = &[
    ("cost/line", "cost", fixture!("cost-line")),
    ("costs/50", "costs", fixture!("costs-50")),
    ("costs/1000-real", "costs", fixture!("costs-1000-real")),
    ("change/4", "change", fixture!("change-4")),
    ("change/100", "change", fixture!("change-100")),
    ("project_class", "project_class", fixture!("project-class")),
];

fn bench_name(fixture: &str) -> String {
    // eligibility-baotou-complete → eligibility/baotou/complete
    fixture.replacen('-', "/", 2)
}

fn eligibility(c: &mut Criterion) {
    for &(name, text) in APPLICATIONS {
        let name = bench_name(name);
        let text = text.trim_end();
        let app = Application::from_json(text).expect("fixture parses");
        c.bench_function(&format!("{name}/typed"), |b| {
            b.iter(|| check_eligibility(black_box(&app)))
        });
        c.bench_function(&format!("{name}/parse"), |b| {
            b.iter(|| Application::from_json(black_box(text)))
        });
        c.bench_function(&format!("{name}/json"), |b| {
            b.iter(|| evaluate_str("eligibility", black_box(text)))
        });
    }
}

fn other_checks(c: &mut Criterion) {
    for &(name, check, (_, text)) in OTHER {
        let text = text.trim_end();
        c.bench_function(&format!("{name}/json"), |b| {
            b.iter(|| evaluate_str(check, black_box(text)))
        });
    }
    // The typed calls alone (input already read), as a Rust server would make them.
    let read = |name: &str| {
        let (_, _, (_, text)) = OTHER.iter().find(|(n, ..)| *n == name).expect("fixture");
        text.trim_end()
    };
    let cost = CostInput::from_value(parse(read("cost/line")).expect("json").root(), Locale::Zh)
        .expect("cost input");
    c.bench_function("cost/line/typed", |b| {
        b.iter(|| classify_cost(black_box(&cost)))
    });
    let costs = CostsInput::from_value(parse(read("costs/50")).expect("json").root(), Locale::Zh)
        .expect("costs input");
    c.bench_function("costs/50/typed", |b| {
        b.iter(|| classify_costs(black_box(&costs)))
    });
    let real = CostsInput::from_value(
        parse(read("costs/1000-real")).expect("json").root(),
        Locale::Zh,
    )
    .expect("costs input");
    c.bench_function("costs/1000-real/typed", |b| {
        b.iter(|| classify_costs(black_box(&real)))
    });
    for name in ["change/4", "change/100"] {
        let req = ChangeRequest::from_json(read(name)).expect("change request");
        c.bench_function(&format!("{name}/typed"), |b| {
            b.iter(|| check_change(black_box(&req)))
        });
    }
}

/// A mixed set of batch lines: every fixture, a few helper calls and input errors.
pub fn mixed_lines() -> Vec<String> {
    let mut lines = Vec::new();
    let mut push = |check: &str, input: &str| {
        let id = lines.len();
        lines.push(format!(
            "{{\"id\":\"{id}\",\"check\":\"{check}\",\"input\":{}}}",
            input.trim_end()
        ));
    };
    for &(_, text) in APPLICATIONS {
        push("eligibility", text);
    }
    // (The 1,000-line real budget has a benchmark of its own: a batch line is one check.)
    for &(_, check, (_, text)) in OTHER.iter().filter(|(n, ..)| *n != "costs/1000-real") {
        push(check, text);
    }
    push("version", "{}");
    push("eligibility", r#"{"regime":"beijing"}"#);
    push(
        "eligibility",
        r#"{"regime":"baotou","project":{"investment":{"total":"-1"}}}"#,
    );
    lines
}

fn batch(c: &mut Criterion) {
    let lines = mixed_lines();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.bench_function("mixed", |b| {
        // As the CLI runs a batch: every answer appended to one reused buffer.
        let mut out = String::new();
        b.iter(|| {
            out.clear();
            for l in &lines {
                batch_line_into(black_box(l), &mut out);
                out.push('\n');
            }
            out.len()
        })
    });
    g.finish();
}

/// `n` unknown items of `len` characters drawn from `alphabet` (a fixed sequence).
fn unknown_items(n: usize, len: usize, alphabet: &[char]) -> Vec<String> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    alphabet[(x % alphabet.len() as u64) as usize]
                })
                .collect()
        })
        .collect()
}

fn suggestions(c: &mut Criterion) {
    let latin: Vec<char> = ('a'..='z').collect();
    let chinese: Vec<char> =
        "政务信息化项目建设运维软件硬件系统平台数据安全网络服务采购咨询监理测评集成开发"
            .chars()
            .collect();
    for (name, items) in [
        ("suggest/latin-40", unknown_items(64, 40, &latin)),
        ("suggest/chinese-40", unknown_items(64, 40, &chinese)),
        ("suggest/latin-12", unknown_items(64, 12, &latin)),
        ("suggest/chinese-12", unknown_items(64, 12, &chinese)),
    ] {
        let mut i = 0;
        let table = table_of(None).expect("the default fee table");
        c.bench_function(name, |b| {
            b.iter(|| {
                i = (i + 1) % items.len();
                table.suggest(black_box(&items[i]))
            })
        });
    }
    // The 52 KB request of issue 17: unknown 40-character items, half Latin, half Chinese.
    let mut lines = Vec::new();
    for (a, b) in unknown_items(250, 40, &latin)
        .iter()
        .zip(unknown_items(250, 40, &chinese))
    {
        lines.push(format!(r#"{{"item":"{a}","amount":"1"}}"#));
        lines.push(format!(r#"{{"item":"{b}","amount":"1"}}"#));
    }
    let text = format!(r#"{{"items":[{}]}}"#, lines.join(","));
    let mut g = c.benchmark_group("costs");
    g.sample_size(20);
    g.bench_function("unknown-52kb/json", |b| {
        b.iter(|| evaluate_str("costs", black_box(&text)))
    });
    g.finish();
}

fn reader(c: &mut Criterion) {
    for (name, text) in [
        APPLICATIONS[0],
        APPLICATIONS[7],
        OTHER[1].2, // costs-50
        OTHER[4].2, // change-100
    ] {
        let text = text.trim_end();
        c.bench_function(&format!("reader/{name}/tape"), |b| {
            b.iter(|| parse(black_box(text)).map(|d| d.root().is_null()))
        });
        c.bench_function(&format!("reader/{name}/serde_json_value"), |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(text)).is_ok())
        });
    }
}

criterion_group!(
    benches,
    eligibility,
    other_checks,
    batch,
    suggestions,
    reader
);
criterion_main!(benches);
