//! Goals about the consuming side (#12): registered enhanced fan-out consumers, `sim subscribe-to-shard`
//! subscriptions, and KCL-style consumer applications (`sim consumer-app`). Parsed, described and checked here;
//! [`super`] dispatches to them.
//!
//! | goal | met when |
//! |---|---|
//! | `consumer NAME exists` / `absent` `[stream S]` | a consumer of that name is registered (with stream S) / is not |
//! | `consumer NAME status ACTIVE [stream S]` | it is `CREATING`, `ACTIVE` or `DELETING` as given |
//! | `subscription TYPE records` / `events` `[shard S]` | a `sim subscribe-to-shard` from a `TYPE` starting position (`any`: any) pushed records / at least one event, this step |
//! | `app NAME workers N` | the application has exactly N running workers (stopped ones do not count) |
//! | `app NAME leases N [worker W]` | worker W (any running worker when not given) holds exactly N leases not yet at `SHARD_END` |
//! | `app NAME balanced` | every lease not finished is owned by a running worker, and running workers' lease counts differ by at most one |
//! | `app NAME caught-up` | every lease's checkpoint reached its shard's last record (a closed shard: `SHARD_END`) |
//! | `app NAME shard-end [shard S]` | a lease (of shard S) is checkpointed at `SHARD_END`: a parent shard was read to its end |

use super::{shard_number, Goal};
use crate::cli::Console;
use crate::engine::fan_out::ConsumerStatus;
use crate::engine::{shard_id, Engine};
use crate::sim::consumer_app::{Checkpoint, ConsumerApp};

/// What a subscription goal asks of a `sim subscribe-to-shard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriptionOutcome {
    /// At least one record was pushed.
    Records,
    /// At least one event (with records or not) was pushed.
    Events,
}

/// What an application goal checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppCheck {
    /// Exactly this many running workers.
    Workers(usize),
    /// This many unfinished leases held by this worker (by running workers when `None`).
    Leases(usize, Option<String>),
    /// Every unfinished lease owned by a running worker, owner counts within one of each other.
    Balanced,
    /// Every checkpoint at its shard's last record (`SHARD_END` for a closed shard).
    CaughtUp,
    /// A lease (of this shard) at `SHARD_END`.
    ShardEnd(Option<u32>),
}

const STATUSES: [ConsumerStatus; 3] = [ConsumerStatus::Creating, ConsumerStatus::Active, ConsumerStatus::Deleting];

/// `consumer NAME ...` (the words after `consumer`).
pub(super) fn consumer_goal(w: &[&str]) -> Result<Goal, String> {
    let (name, rest, stream) = match w {
        [name, rest @ .., "stream", s] => (name, rest, Some((*s).to_string())),
        [name, rest @ ..] => (name, rest, None),
        [] => return Err("a consumer goal names the consumer: `consumer NAME status ACTIVE`".into()),
    };
    let consumer = (*name).to_string();
    match rest {
        ["exists"] => Ok(Goal::ConsumerExists { consumer, stream, exists: true }),
        ["absent"] => Ok(Goal::ConsumerExists { consumer, stream, exists: false }),
        ["status", s] => {
            let status = STATUSES
                .into_iter()
                .find(|x| x.as_str() == *s)
                .ok_or_else(|| format!("`{s}` is not a consumer status: CREATING, ACTIVE or DELETING"))?;
            Ok(Goal::ConsumerStatus { consumer, stream, status })
        }
        _ => {
            Err("a consumer goal is `consumer NAME exists`, `absent` or `status ACTIVE`, optionally `stream S`".into())
        }
    }
}

/// `subscription TYPE records|events [shard S]`.
pub(super) fn subscription_goal(w: &[&str]) -> Result<Goal, String> {
    let (t, outcome, shard) = match w {
        [t, outcome] => (t, outcome, None),
        [t, outcome, "shard", s] => (t, outcome, Some(shard_number(s)?)),
        _ => return Err("a subscription goal is `subscription TYPE records` or `events`, optionally `shard S`".into()),
    };
    let position = super::parse::type_or_any(t, "a starting position")?;
    let outcome = match *outcome {
        "records" => SubscriptionOutcome::Records,
        "events" => SubscriptionOutcome::Events,
        other => return Err(format!("`{other}` is not what a subscription goal checks: records or events")),
    };
    Ok(Goal::Subscription { position, outcome, shard })
}

/// `app NAME workers N|balanced|caught-up|shard-end [shard S]`.
pub(super) fn app_goal(w: &[&str]) -> Result<Goal, String> {
    let [name, rest @ ..] = w else {
        return Err("an app goal names the consumer application: `app NAME balanced`".into());
    };
    let check =
        match rest {
            ["workers", n] => AppCheck::Workers(n.parse().map_err(|_| format!("`{n}` is not a number of workers"))?),
            ["leases", n, rest @ ..] => {
            let n = n.parse().map_err(|_| format!("`{n}` is not a number of leases"))?;
            match rest {
                [] => AppCheck::Leases(n, None),
                ["worker", w] => AppCheck::Leases(n, Some((*w).to_string())),
                _ => return Err("`app NAME leases N` takes nothing more, or `worker W`".into()),
            }
        }
        ["balanced"] => AppCheck::Balanced,
            ["caught-up"] => AppCheck::CaughtUp,
            ["shard-end"] => AppCheck::ShardEnd(None),
            ["shard-end", "shard", s] => AppCheck::ShardEnd(Some(shard_number(s)?)),
            _ => return Err(
                "an app goal is `app NAME workers N`, `leases N` (optionally `worker W`), `balanced`, `caught-up` or `shard-end` (optionally `shard S`)"
                    .into(),
            ),
        };
    Ok(Goal::App { app: (*name).to_string(), check })
}

/// The sentence for a consumer-side goal (`None` for other goals).
pub(super) fn describe(goal: &Goal) -> Option<String> {
    let of = |stream: &Option<String>| stream.as_ref().map(|s| format!(" of {s}")).unwrap_or_default();
    Some(match goal {
        Goal::ConsumerExists { consumer, stream, exists: true } => {
            format!("Consumer {consumer}{} is registered", of(stream))
        }
        Goal::ConsumerExists { consumer, stream, exists: false } => {
            format!("Consumer {consumer}{} is no longer registered", of(stream))
        }
        Goal::ConsumerStatus { consumer, stream, status } => {
            format!("Consumer {consumer}{} is {}", of(stream), status.as_str())
        }
        Goal::Subscription { position, outcome, shard } => {
            let mut who = match position {
                Some(t) => format!("A subscription from {}", t.as_str()),
                None => "A subscription".to_string(),
            };
            if let Some(i) = shard {
                who.push_str(&format!(" to {}", shard_id(*i)));
            }
            match outcome {
                SubscriptionOutcome::Records => format!("{who} pushed records"),
                SubscriptionOutcome::Events => format!("{who} pushed events"),
            }
        }
        Goal::App { app, check } => match check {
            AppCheck::Workers(n) => format!("Application {app} runs {n} worker{}", if *n == 1 { "" } else { "s" }),
            AppCheck::Leases(n, w) => format!(
                "{} of {app} hold{} {n} lease{}",
                w.as_deref().unwrap_or("The running workers"),
                if w.is_some() { "s" } else { "" },
                if *n == 1 { "" } else { "s" }
            ),
            AppCheck::Balanced => format!("Application {app}'s leases are balanced over its workers"),
            AppCheck::CaughtUp => format!("Application {app}'s checkpoints reached the tip of every shard"),
            AppCheck::ShardEnd(None) => format!("Application {app} finished a shard (SHARD_END)"),
            AppCheck::ShardEnd(Some(i)) => format!("Application {app} finished {} (SHARD_END)", shard_id(*i)),
        },
        _ => return None,
    })
}

/// Checks a consumer-side state goal (`false` for any other goal).
pub(super) fn met_by_state(goal: &Goal, console: &Console) -> bool {
    let engine = console.engine();
    match goal {
        Goal::ConsumerExists { consumer, stream, exists } => {
            consumer_status(engine, consumer, stream.as_deref()).is_some() == *exists
        }
        Goal::ConsumerStatus { consumer, stream, status } => {
            consumer_status(engine, consumer, stream.as_deref()) == Some(*status)
        }
        Goal::App { app, check } => {
            console.simulation().apps().iter().find(|a| a.name == *app).is_some_and(|a| app_met(engine, a, check))
        }
        _ => false,
    }
}

/// The status of the first consumer of that name (in stream `stream`, when given).
fn consumer_status(engine: &Engine, consumer: &str, stream: Option<&str>) -> Option<ConsumerStatus> {
    engine
        .streams()
        .filter(|s| stream.is_none_or(|n| s.name == n))
        .flat_map(|s| s.consumers.iter())
        .find(|c| c.name == consumer)
        .map(|c| c.status)
}

fn app_met(engine: &Engine, app: &ConsumerApp, check: &AppCheck) -> bool {
    let running: Vec<&str> = app.workers.iter().filter(|w| !w.stopped).map(|w| w.id.as_str()).collect();
    match check {
        AppCheck::Workers(n) => running.len() == *n,
        AppCheck::Leases(n, w) => {
            let holds = |o: &str| w.as_deref().map_or(running.contains(&o), |w| w == o);
            let held = app
                .leases
                .iter()
                .filter(|l| l.checkpoint != Checkpoint::ShardEnd && l.lease_owner.as_deref().is_some_and(holds))
                .count();
            held == *n
        }
        AppCheck::Balanced => {
            let open: Vec<_> = app.leases.iter().filter(|l| l.checkpoint != Checkpoint::ShardEnd).collect();
            let owned =
                |l: &&crate::sim::consumer_app::Lease| l.lease_owner.as_deref().is_some_and(|o| running.contains(&o));
            if open.is_empty() || running.is_empty() || !open.iter().all(owned) {
                return false;
            }
            let counts: Vec<usize> =
                running.iter().map(|w| open.iter().filter(|l| l.lease_owner.as_deref() == Some(*w)).count()).collect();
            counts.iter().max().unwrap_or(&0) - counts.iter().min().unwrap_or(&0) <= 1
        }
        AppCheck::CaughtUp => {
            let Some(stream) = engine.stream(&app.stream) else { return false };
            !app.leases.is_empty()
                && app.leases.iter().all(|l| {
                    let Some(shard) = stream.shard(l.shard_index) else { return true };
                    match &l.checkpoint {
                        Checkpoint::ShardEnd => true,
                        _ if !shard.is_open() => false,
                        Checkpoint::Sequence(s) => {
                            shard.records().last().is_none_or(|r| r.sequence_number.to_string() == *s)
                        }
                        Checkpoint::TrimHorizon | Checkpoint::Latest => shard.record_count() == 0,
                    }
                })
        }
        AppCheck::ShardEnd(shard) => {
            app.leases.iter().any(|l| l.checkpoint == Checkpoint::ShardEnd && shard.is_none_or(|i| l.shard_index == i))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consumer_side_goals_parse_and_describe() {
        let g = |t: &str| Goal::parse(t, 0).map(|g| g.describe());
        assert_eq!(g("consumer dashboard status ACTIVE").unwrap(), "Consumer dashboard is ACTIVE");
        assert_eq!(g("consumer d exists stream Fan").unwrap(), "Consumer d of Fan is registered");
        assert_eq!(g("consumer d absent").unwrap(), "Consumer d is no longer registered");
        assert_eq!(g("subscription TRIM_HORIZON records").unwrap(), "A subscription from TRIM_HORIZON pushed records");
        assert_eq!(
            g("subscription any events shard 1").unwrap(),
            "A subscription to shardId-000000000001 pushed events"
        );
        assert_eq!(g("app billing workers 1").unwrap(), "Application billing runs 1 worker");
        assert!(g("app billing balanced").unwrap().contains("balanced"));
        assert_eq!(g("app billing leases 2 worker worker-1").unwrap(), "worker-1 of billing holds 2 leases");
        assert_eq!(g("app billing leases 1").unwrap(), "The running workers of billing hold 1 lease");
        assert!(g("app billing leases x").unwrap_err().contains("`x`"));
        assert!(g("app billing leases 2 by worker-1").unwrap_err().contains("worker W"));
        assert!(g("app billing caught-up").unwrap().contains("tip"));
        assert!(g("app billing shard-end shard 0").unwrap().contains("shardId-000000000000"));
        assert!(g("consumer d status SLEEPING").unwrap_err().contains("SLEEPING"));
        assert!(g("consumer").unwrap_err().contains("names the consumer"));
        assert!(g("consumer d explodes").unwrap_err().contains("consumer goal is"));
        assert!(g("subscription SOMETIME records").unwrap_err().contains("SOMETIME"));
        assert!(g("subscription LATEST lots").unwrap_err().contains("lots"));
        assert!(g("app billing workers two").unwrap_err().contains("two"));
        assert!(g("app billing dances").unwrap_err().contains("app goal is"));
        assert!(g("app").unwrap_err().contains("names the consumer application"));
    }
}
