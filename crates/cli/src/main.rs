//! `govit-check`: the command line and the HTTP service. One JSON input → one JSON
//! verdict, JSON Lines in batch, or `serve`. No rule logic lives here: every answer comes
//! from the library by check name, byte for byte what the npm package and a Rust server
//! give.
//!
//! Exit status: 0 when every answer was written (an input error is an answer like any
//! other), 2 for a usage error (unknown flag, missing argument, a value that is not UTF-8
//! or not valid), 1 when a file cannot be read or the output cannot be written.

#![forbid(unsafe_code)]

mod batch;
mod csp;
mod io;
mod serve;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

const ABOUT: &str = "\
govit-check — 政务信息化项目合规检查：资格、经费、变更
Rules engine for local government IT project regulations: eligibility, cost, change";

const AFTER_HELP: &str = "\
Exit status 退出码: 0 = every answer written (an input error is an answer too 输入错误也是一个回答);
2 = usage error 用法错误; 1 = a file cannot be read or the output cannot be written 读写失败.";

#[derive(Parser)]
#[command(name = "govit-check", about = ABOUT, after_help = AFTER_HELP)]
#[command(disable_help_subcommand = true, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 申报资格：能否申报、走审批还是备案、需要哪些材料 — may this project be declared, by which route, with which documents
    Eligibility(CheckArgs),
    /// 经费归类：一条预算是否纳入信息化经费（武隆附件） — is a budget line IT spending under Wulong's fee boundary table
    Cost(CheckArgs),
    /// 整份预算：逐条归类并合计 — a whole budget: every line and the totals
    Costs(CheckArgs),
    /// 建设、运维还是续建（武隆附件） — construction, maintenance or continuation (Wulong annex)
    #[command(name = "project_class", alias = "project-class")]
    ProjectClass(CheckArgs),
    /// 项目变更：能否自行调整并备案 — may an approved project be changed without a new approval
    Change(CheckArgs),
    /// 批量：JSON Lines {"id","check","input"} → {"id","verdict"|"error"} — JSON Lines in, one answer per line, in order
    Batch(BatchArgs),
    /// 各办法及其在某日的效力 — the regulations and their status on a day
    Regimes(RegimesArgs),
    /// 某办法的规则目录（条款、级别、原文） — the rule catalog of a regulation
    Rules(RulesArgs),
    /// 某办法要问的问题（按表单分节） — the questions a regulation asks, in sections (for a form)
    Form(RulesArgs),
    /// 版本：规则集名称与 ruleset_id — the ruleset and its ruleset_id
    Version(OutArgs),
    /// HTTP 服务（axum）：POST /v1/{check}、/v1/batch 等 — the HTTP service: every check over HTTP
    Serve(serve::ServeArgs),
    /// The texts of a locale that the npm package's WebAssembly build loads on demand (its
    /// asset web/catalog/texts.<locale>.js), as one JSON string (pkg-config/catalogs.mjs).
    #[command(hide = true)]
    Texts(LocaleArg),
    /// 生成 shell 补全脚本 — print a shell completion script
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
}

/// How an answer is written.
#[derive(Args)]
struct OutArgs {
    /// 缩进输出 — indent the JSON
    #[arg(long)]
    pretty: bool,
}

/// The message language.
#[derive(Args)]
struct LocaleArg {
    /// 提示语言（覆盖输入中的 locale） — message language, over the input's own `locale`: zh-CN, en
    #[arg(long, value_name = "LOCALE", value_parser = parse_locale)]
    locale: Option<govit_check::Locale>,
}

#[derive(Args)]
struct CheckArgs {
    /// 输入 JSON 文件；省略或 - 为标准输入 — the input (JSON); absent or - reads stdin
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    locale: LocaleArg,
    #[command(flatten)]
    out: OutArgs,
}

#[derive(Args)]
struct BatchArgs {
    /// JSON Lines 文件；省略或 - 为标准输入 — the JSON Lines file; absent or - reads stdin
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// 未写 locale 的各行使用的提示语言 — the message language of every line whose input names none: zh-CN, en
    #[arg(long, value_name = "LOCALE", value_parser = parse_locale)]
    locale: Option<govit_check::Locale>,
}

#[derive(Args)]
struct RegimesArgs {
    /// 判断效力的日期 — the day to give each regulation's status for (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    #[command(flatten)]
    locale: LocaleArg,
    #[command(flatten)]
    out: OutArgs,
}

#[derive(Args)]
struct RulesArgs {
    /// 办法 — the regulation (regime id)
    #[arg(value_name = "REGIME", value_parser = regime_names())]
    regime: String,
    #[command(flatten)]
    locale: LocaleArg,
    #[command(flatten)]
    out: OutArgs,
}

/// Regime ids, from the library's registry of regimes.
fn regime_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        govit_check::regimes(None)
            .into_iter()
            .map(|r| clap::builder::PossibleValue::new(r.id.name()).help(r.title)),
    )
}

fn parse_locale(s: &str) -> Result<govit_check::Locale, String> {
    govit_check::Locale::from_tag(s).ok_or_else(|| format!("{s:?}: zh-CN (中文) or en (English)"))
}

/// The regimes the library knows, one a line: the usage lists them.
fn regimes_help() -> String {
    let mut s = String::from("Regimes 办法 (for rules REGIME and the input's \"regime\"):\n");
    for r in govit_check::regimes(None) {
        s.push_str(&format!("  {:<12} {}\n", r.id.name(), r.title));
    }
    s
}

/// The command line: the derived parser, with what is known only when running (the
/// version with its `ruleset_id`, the regimes of the library's registry).
fn command() -> clap::Command {
    let version = format!(
        "{} (ruleset_id {})",
        env!("CARGO_PKG_VERSION"),
        govit_check::RULESET_ID
    );
    Cli::command()
        .version(version)
        .after_help(format!("{}\n{AFTER_HELP}", regimes_help()))
}

fn main() -> ExitCode {
    let command = command();
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = match command
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        // Help and --version go to stdout with status 0; usage errors to stderr with 2.
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(io::Failure::Quiet) => ExitCode::SUCCESS,
        Err(io::Failure::Message(msg)) => {
            eprintln!("govit-check: {msg}");
            ExitCode::from(1)
        }
    }
}

fn run(cmd: Command) -> Result<(), io::Failure> {
    match cmd {
        Command::Eligibility(a) => check("eligibility", a),
        Command::Cost(a) => check("cost", a),
        Command::Costs(a) => check("costs", a),
        Command::ProjectClass(a) => check("project_class", a),
        Command::Change(a) => check("change", a),
        Command::Batch(a) => io::batch(a.file.as_deref(), a.locale),
        Command::Regimes(a) => {
            let mut input = String::from("{");
            if let Some(d) = &a.as_of {
                input.push_str("\"as_of\":");
                input.push_str(&io::json_string(d));
            }
            input.push('}');
            let input = io::with_locale(&input, a.locale.locale);
            io::emit(&govit_check::evaluate_str("regimes", &input), a.out.pretty)
        }
        Command::Rules(a) => catalog("rules", &a),
        Command::Form(a) => catalog("form", &a),
        Command::Version(a) => io::emit(&govit_check::evaluate_str("version", "{}"), a.pretty),
        Command::Serve(a) => serve::run(a),
        Command::Texts(a) => {
            let locale = a.locale.unwrap_or(govit_check::Locale::En);
            let text = govit_check::texts_asset(locale).ok_or_else(|| {
                io::Failure::Message(format!(
                    "{}: its texts are always compiled in",
                    locale.tag()
                ))
            })?;
            io::emit(&io::json_string(&text), false)
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command(), "govit-check", &mut out);
            io::write_all(&out)
        }
    }
}

/// A regulation's catalog (`rules`) or form (`form`).
fn catalog(check: &str, a: &RulesArgs) -> Result<(), io::Failure> {
    let input = format!("{{\"regime\":{}}}", io::json_string(&a.regime));
    let input = io::with_locale(&input, a.locale.locale);
    io::emit(&govit_check::evaluate_str(check, &input), a.out.pretty)
}

/// One input (a file or stdin) → one answer.
fn check(name: &str, a: CheckArgs) -> Result<(), io::Failure> {
    let bytes = io::read_input(a.file.as_deref())?;
    io::emit(
        &io::answer_bytes(name, &bytes, a.locale.locale),
        a.out.pretty,
    )
}

#[cfg(test)]
mod tests {
    /// clap's own consistency checks of every subcommand and argument.
    #[test]
    fn the_command_line_is_consistent() {
        super::command().debug_assert();
    }
}
