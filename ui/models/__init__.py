"""Table and list models: light rows, loaded lazily through the operation runner."""

from ui.models.suggestions_model import SUGGESTION_ROLE, VISITOR_ID_ROLE, SuggestionsModel
from ui.models.visits_model import (
    BADGE_ROLE,
    BATCH_SIZE,
    IN_BUILDING_ROLE,
    RECORD_ROLE,
    VISIT_ID_ROLE,
    VisitsTableModel,
)

__all__ = [
    "BADGE_ROLE",
    "BATCH_SIZE",
    "IN_BUILDING_ROLE",
    "RECORD_ROLE",
    "SUGGESTION_ROLE",
    "VISITOR_ID_ROLE",
    "VISIT_ID_ROLE",
    "SuggestionsModel",
    "VisitsTableModel",
]
