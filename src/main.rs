//! The `earshot` command line. Library code does the work; this file parses arguments, sets up
//! logging and metrics, and maps errors to exit codes (2 for configuration, 1 for anything else).

use std::io::{BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use earshot::classify::Classifier;
use earshot::config::{self, Config};
use earshot::pipeline::{self, Role, RunError};

#[derive(Parser)]
#[command(
    name = "earshot",
    version,
    about = "Social listening: brand mentions from public feeds, classified and counted over Kafka"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the pipeline (all roles by default) with the HTTP listener.
    Run {
        /// Config file [default: config/earshot.toml]
        #[arg(long, env = "EARSHOT_CONFIG")]
        config: Option<PathBuf>,
        /// Comma-separated subset of ingest,classify,aggregate.
        #[arg(long, default_value = "ingest,classify,aggregate")]
        roles: String,
    },
    /// Validate a config file: exit 0 when valid, 2 with every problem listed.
    CheckConfig {
        #[arg(long, env = "EARSHOT_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Classify JSON or text lines from a file or stdin; one JSON line out per input line.
    Classify {
        /// Input file (default: stdin).
        #[arg(long)]
        input: Option<PathBuf>,
        /// Config file for brands and lexicon overrides (optional: without one, no brands match).
        #[arg(long, env = "EARSHOT_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Dry-run one polled source: read its feed once from the head (following a catch-up for up to
    /// --pages pages) and print the mentions as JSON lines. Nothing goes to Kafka; no cursor is stored.
    Fetch {
        /// The source's `name` in the config.
        #[arg(long)]
        source: String,
        #[arg(long, env = "EARSHOT_CONFIG")]
        config: Option<PathBuf>,
        #[arg(long, default_value_t = 1)]
        pages: usize,
    },
    /// Measure classifier quality on a labelled JSON-lines file (id, text, label, optional score).
    Eval {
        /// sentiment, complaint or suggestion
        #[arg(long)]
        task: String,
        #[arg(long)]
        input: PathBuf,
        /// Print the report as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Fit a learned table (sentiment word weights for one language, or the English advice model)
    /// from a labelled JSON-lines file; prints cross-validated figures and writes the table.
    Train {
        /// sentiment or suggestion
        #[arg(long)]
        task: String,
        #[arg(long)]
        input: PathBuf,
        /// Language of a sentiment table (es, fr, de, pt, fa, ar, en).
        #[arg(long)]
        lang: Option<String>,
        /// Where to write the table (default: print the figures only).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Rows a feature must occur in to get a weight.
        #[arg(long, default_value_t = 3)]
        min_count: usize,
        /// L2 penalty (larger: smaller weights).
        #[arg(long, default_value_t = 1e-3)]
        l2: f64,
        #[arg(long, default_value_t = 60)]
        epochs: usize,
        /// Leave out weights smaller than this in magnitude (before --valence-per-logit).
        #[arg(long, default_value_t = 0.05)]
        prune_below: f64,
        /// Weigh the classes inversely to their frequency.
        #[arg(long)]
        balanced: bool,
        /// Sentiment tables: valence per unit of log-odds.
        #[arg(long, default_value_t = 1.0)]
        valence_per_logit: f64,
        /// Sentiment tables: only add words the lexicons lack (how the table is used must match:
        /// see LEARNED_TABLES in src/classify/lexicon.rs).
        #[arg(long)]
        fill_only: bool,
        /// Sentiment tables: also fit on the rows with neither side (neutral, mixed, objective) at
        /// target 0.5, which pulls the words of neutral text towards weighing nothing.
        #[arg(long)]
        with_neutral: bool,
        /// Also write each row's cross-validated prediction (JSON lines: input line, fold, gold
        /// label, predicted label), to see which rows the held-out figure gets wrong.
        #[arg(long)]
        cv_out: Option<PathBuf>,
    },
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("EARSHOT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,rdkafka=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

fn load_config(path: Option<PathBuf>) -> Result<Config, ExitCode> {
    let path = path.unwrap_or_else(|| PathBuf::from(config::DEFAULT_PATH));
    Config::load(&path).map_err(|e| {
        eprintln!("earshot: invalid configuration in {}:", path.display());
        for p in &e.problems {
            eprintln!("  - {p}");
        }
        ExitCode::from(2)
    })
}

fn main() -> ExitCode {
    earshot::classify::map_large_allocations();
    let cli = Cli::parse();
    match cli.command {
        Command::CheckConfig { config } => match load_config(config) {
            Ok(c) => {
                println!(
                    "config ok: {} brand(s), {} source(s), kafka: {}",
                    c.brands.len(),
                    c.sources.len(),
                    if c.embedded_kafka() {
                        "embedded".to_string()
                    } else {
                        c.kafka.brokers.clone()
                    }
                );
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        Command::Classify { input, config } => {
            let cfg = match config {
                Some(p) => match load_config(Some(p)) {
                    Ok(c) => c,
                    Err(code) => return code,
                },
                None if std::path::Path::new(config::DEFAULT_PATH).is_file() => {
                    match load_config(None) {
                        Ok(c) => c,
                        Err(code) => return code,
                    }
                }
                None => Config::default(),
            };
            match classify(cfg, input) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(_) => ExitCode::from(1),
                Err(e) => {
                    eprintln!("earshot classify: {e:#}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Eval { task, input, json } => {
            let task = match earshot::eval::Task::parse(&task) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("earshot eval: --task: {e}");
                    return ExitCode::from(2);
                }
            };
            match eval(task, &input, json) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("earshot eval: {e:#}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Train {
            task,
            input,
            lang,
            out,
            folds,
            min_count,
            l2,
            epochs,
            prune_below,
            balanced,
            valence_per_logit,
            fill_only,
            with_neutral,
            cv_out,
        } => {
            let task = match earshot::eval::Task::parse(&task) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("earshot train: --task: {e}");
                    return ExitCode::from(2);
                }
            };
            if folds < 2 || !l2.is_finite() || l2 < 0.0 || epochs == 0 {
                eprintln!(
                    "earshot train: --folds must be at least 2, --l2 at least 0, --epochs at least 1"
                );
                return ExitCode::from(2);
            }
            let opts = earshot::learn::FitOptions {
                min_count,
                l2,
                epochs,
                balanced,
                prune_below,
            };
            let table = earshot::train::TableOptions {
                valence_per_logit,
                fill_only,
                with_neutral,
            };
            let files = TrainFiles {
                input: &input,
                out: out.as_deref(),
                cv_out: cv_out.as_deref(),
            };
            match train(task, lang.as_deref(), files, folds, &opts, table) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("earshot train: {e:#}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Fetch {
            source,
            config,
            pages,
        } => {
            let cfg = match load_config(config) {
                Ok(c) => c,
                Err(code) => return code,
            };
            fetch(&cfg, &source, pages.max(1))
        }
        Command::Run { config, roles } => {
            init_logging();
            let roles = match Role::parse_list(&roles) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("earshot: --roles: {e}");
                    return ExitCode::from(2);
                }
            };
            let path = config.unwrap_or_else(|| PathBuf::from(config::DEFAULT_PATH));
            let cfg = match load_config(Some(path.clone())) {
                Ok(c) => c,
                Err(code) => return code,
            };
            run(cfg, path, roles)
        }
    }
}

fn classify(cfg: Config, input: Option<PathBuf>) -> anyhow::Result<u64> {
    let c = Classifier::new(&cfg.brands, &cfg.classify).map_err(anyhow::Error::msg)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    let failed = match input {
        Some(p) => {
            let f =
                std::fs::File::open(&p).with_context(|| format!("cannot open {}", p.display()))?;
            earshot::cli::classify_stream(
                &c,
                &mut BufReader::with_capacity(earshot::cli::INPUT_BUFFER_BYTES, f),
                &mut out,
                &mut err,
            )?
        }
        None => {
            let stdin = std::io::stdin();
            earshot::cli::classify_stream(
                &c,
                &mut BufReader::with_capacity(earshot::cli::INPUT_BUFFER_BYTES, stdin.lock()),
                &mut out,
                &mut err,
            )?
        }
    };
    Ok(failed)
}

/// `earshot fetch`: exit 2 for what is wrong with the request (unknown source, not a polled source,
/// missing credential), 1 when the feed could not be read, 0 otherwise.
fn fetch(cfg: &Config, source: &str, pages: usize) -> ExitCode {
    use earshot::ingest::build::{DryRun, with_http_feed};
    let Some((i, s)) = cfg
        .sources
        .iter()
        .enumerate()
        .find(|(_, s)| s.name() == source)
    else {
        let names: Vec<&str> = cfg.sources.iter().map(|s| s.name()).collect();
        eprintln!(
            "earshot fetch: no source named {source:?} (configured: {})",
            names.join(", ")
        );
        return ExitCode::from(2);
    };
    let brands = match earshot::classify::brands::BrandMatcher::new(&cfg.brands) {
        Ok(b) => std::sync::Arc::new(b),
        Err(e) => {
            eprintln!("earshot fetch: {e}");
            return ExitCode::from(2);
        }
    };
    let run = match with_http_feed(i, s, brands.into(), DryRun { pages }) {
        Ok(Some(run)) => run,
        Ok(None) => {
            eprintln!(
                "earshot fetch: source {source:?} is a {} source, which is not polled; fetch reads rss, \
                 mastodon, bluesky_search, reddit, hackernews, app_store and youtube sources",
                s.kind()
            );
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("earshot fetch: {e}");
            return ExitCode::from(2);
        }
    };
    let rt = match runtime(tokio::runtime::Builder::new_current_thread()) {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    match rt.block_on(run) {
        Ok(read) => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for (n, p) in read.iter().enumerate() {
                for m in &p.mentions {
                    let _ = writeln!(out, "{}", serde_json::to_string(m).unwrap_or_default());
                }
                eprintln!(
                    "page {}: {} item(s), {} mention(s), {} filtered by the brand queries, {} unreadable; cursor {}",
                    n + 1,
                    p.fetched,
                    p.mentions.len(),
                    p.filtered,
                    p.rejected.len(),
                    p.cursor
                );
                for r in &p.rejected {
                    eprintln!("  unreadable: {r}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("earshot fetch: {source}: {e}");
            ExitCode::from(1)
        }
    }
}

fn eval(task: earshot::eval::Task, input: &std::path::Path, json: bool) -> anyhow::Result<()> {
    let cfg = Config::default();
    let c = Classifier::new(&cfg.brands, &cfg.classify).map_err(anyhow::Error::msg)?;
    let f =
        std::fs::File::open(input).with_context(|| format!("cannot open {}", input.display()))?;
    let out = earshot::eval::run(&c, task, &mut BufReader::new(f))?;
    for (line, e) in &out.errors {
        eprintln!("line {line}: {e}");
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("task {} on {}", out.task, input.display());
        print!("{}", earshot::eval::render(&out.report));
        if let Some(b) = &out.binary {
            println!(
                "binary view (gold positive/negative only; neutral predictions count as errors)"
            );
            print!("{}", earshot::eval::render(b));
        }
    }
    Ok(())
}

/// The files `earshot train` reads and writes.
struct TrainFiles<'a> {
    input: &'a std::path::Path,
    /// The table.
    out: Option<&'a std::path::Path>,
    /// Each row's cross-validated prediction.
    cv_out: Option<&'a std::path::Path>,
}

fn train(
    task: earshot::eval::Task,
    lang: Option<&str>,
    files: TrainFiles<'_>,
    folds: usize,
    opts: &earshot::learn::FitOptions,
    table: earshot::train::TableOptions,
) -> anyhow::Result<()> {
    let TrainFiles { input, out, cv_out } = files;
    let f =
        std::fs::File::open(input).with_context(|| format!("cannot open {}", input.display()))?;
    let o = earshot::train::train(task, lang, &mut BufReader::new(f), folds, opts, table)?;
    let mut stdout = std::io::stdout().lock();
    write!(stdout, "{}", earshot::train::render(&o))?;
    if let Some(cv_out) = cv_out {
        std::fs::write(cv_out, earshot::train::cv_lines(&o))
            .with_context(|| format!("cannot write {}", cv_out.display()))?;
        writeln!(
            stdout,
            "wrote {} (cross-validated predictions)",
            cv_out.display()
        )?;
    }
    if let Some(out) = out {
        let name = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let header = earshot::train::table_header(&o, &name, opts, table);
        std::fs::write(out, o.model.to_tsv(&header))
            .with_context(|| format!("cannot write {}", out.display()))?;
        writeln!(
            stdout,
            "wrote {} ({} weights)",
            out.display(),
            o.model.weights.len()
        )?;
    }
    Ok(())
}

fn runtime(mut b: tokio::runtime::Builder) -> Result<tokio::runtime::Runtime, ExitCode> {
    b.enable_all().build().map_err(|e| {
        eprintln!("earshot: cannot start runtime: {e}");
        ExitCode::from(1)
    })
}

fn run(cfg: Config, path: PathBuf, roles: Vec<Role>) -> ExitCode {
    let prometheus = match earshot::telemetry::install() {
        Ok(h) => h,
        Err(e) => {
            eprintln!("earshot: cannot install metrics recorder: {e}");
            return ExitCode::from(1);
        }
    };
    let rt = match runtime(tokio::runtime::Builder::new_multi_thread()) {
        Ok(rt) => rt,
        Err(code) => return code,
    };
    let result = rt.block_on(pipeline::run(cfg, path, roles, prometheus));
    // librdkafka threads may linger; don't wait for them beyond this point.
    rt.shutdown_timeout(std::time::Duration::from_secs(2));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(RunError::Config(msg)) => {
            eprintln!("earshot: {msg}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("earshot: {e}");
            ExitCode::from(1)
        }
    }
}
