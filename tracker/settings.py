"""Settings: the validated configuration (YAML file + ``TRACKER_*`` environment).

The implementation lives in ``tracker.config``; this module is the stable
import path every other module uses.
"""

from tracker.config.loader import load_settings, resolve_config_path, summary
from tracker.config.masking import mask_url
from tracker.config.models import (
    CompanySpec,
    Delivery,
    FeedSource,
    HttpEndpoint,
    NewsSearch,
    NotifyTarget,
    PersonSpec,
    Settings,
    parse_duration,
)

__all__ = [
    "CompanySpec",
    "Delivery",
    "FeedSource",
    "HttpEndpoint",
    "NewsSearch",
    "NotifyTarget",
    "PersonSpec",
    "Settings",
    "load_settings",
    "mask_url",
    "parse_duration",
    "resolve_config_path",
    "summary",
]
