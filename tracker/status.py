"""`tracker status`, `tracker status --health` and the daemon's /healthz."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from tracker.httpserver import Health
from tracker.settings import Settings, mask_url
from tracker.store import feeds as feed_store
from tracker.store import reports

if TYPE_CHECKING:
    from tracker.daemon import DaemonState
    from tracker.runtime import Runtime


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def stale_after(settings: Settings) -> timedelta:
    """A poll older than this makes the service unhealthy."""
    return max(2 * settings.poll_interval, timedelta(minutes=2))


def status_report(session: Session, settings: Settings, now: datetime) -> dict[str, Any]:
    """Feeds with their last status, errors and next check; outbox; last poll."""
    feeds = [
        {
            "id": f.id,
            "name": f.name,
            "url": mask_url(f.url),
            "last_status": f.last_status,
            "last_checked_at": _iso(f.last_checked_at),
            "error_count": f.error_count,
            "last_error": f.last_error,
            "next_check_at": _iso(f.next_check_at),
            "disabled": f.disabled_reason,
            # The replica polling it right now (several replicas on PostgreSQL).
            "leased_by": f.lease_owner if f.lease_until and f.lease_until > now else None,
        }
        for f in feed_store.all_active_feeds(session)
    ]
    last = reports.last_poll_at(session)
    outbox = reports.outbox_counts(session)
    return {
        "feeds": feeds,
        "outbox": {
            "pending": outbox.get("pending", 0),
            "sent": outbox.get("sent", 0),
            "dead": outbox.get("dead", 0),
        },
        "last_poll_at": _iso(last),
        "healthy": last is not None and now - last <= stale_after(settings),
    }


def format_status(report: dict[str, Any]) -> str:
    """The readable table of `tracker status`."""
    lines = [
        f"last poll: {report['last_poll_at'] or 'never'}   outbox: "
        f"{report['outbox']['pending']} pending, {report['outbox']['sent']} sent, "
        f"{report['outbox']['dead']} given up",
        f"{'id':>4}  {'status':<8} {'errors':>6}  {'next check':<20}  feed",
    ]
    for f in report["feeds"]:
        state = "disabled" if f["disabled"] else str(f["last_status"] or "-")
        lines.append(
            f"{f['id']:>4}  {state:<8} {f['error_count']:>6}  {f['next_check_at'] or '-':<20}  "
            f"{f['name'] or f['url']}"
            + (f"\n{'':>6}last error: {f['last_error']}" if f["last_error"] else "")
        )
    return "\n".join(lines)


def health_checks(
    runtime: Runtime, state: DaemonState, scheduler_running: bool, now: datetime
) -> Health:
    """Database reachable, scheduler running, age of the last successful poll."""
    checks: dict[str, Any] = {"scheduler_running": scheduler_running}
    try:
        with runtime.session_factory() as session:
            reports.ping(session)
        checks["database"] = "ok"
    except SQLAlchemyError as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
    last = state.last_poll_at
    checks["last_poll_at"] = _iso(last)
    checks["last_poll_age_s"] = round((now - last).total_seconds(), 1) if last else None
    checks["last_poll_error"] = state.last_poll_error
    fresh = last is not None and now - last <= stale_after(runtime.settings)
    ok = scheduler_running and checks["database"] == "ok" and (fresh or _starting(state, now))
    return Health(ok=ok, checks=checks)


def _starting(state: DaemonState, now: datetime) -> bool:
    return state.last_poll_at is None and now - state.started_at < timedelta(minutes=2)
