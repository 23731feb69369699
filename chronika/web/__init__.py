"""The reading room: a FastAPI app of server-rendered pages and a JSON API over one store.

Routes are thin: they open the store for the request, call `chronika.views` (the same functions
the CLI's `--json` prints) and render a template or return the JSON."""

from chronika.web.app import create_app
from chronika.web.context import Settings, is_loopback

__all__ = ["Settings", "create_app", "is_loopback"]
