"""Which data-protection category each entity belongs to (see DESIGN.md)."""

from __future__ import annotations

IDENTITY = "identity"
IDENTITY_DOCUMENT = "identity document"
HEALTH_IDENTIFIER = "health identifier"
CONTACT = "contact"
LOCATION = "location"
FINANCIAL = "financial"
ONLINE_IDENTIFIER = "online identifier"

ENTITY_CATEGORIES: dict[str, str] = {
    "PERSON": IDENTITY,
    "DATE_OF_BIRTH": IDENTITY,
    "NATIONALITY": IDENTITY,
    "PASSPORT_NUMBER": IDENTITY_DOCUMENT,
    "UK_NINO": IDENTITY_DOCUMENT,
    "UK_NHS": HEALTH_IDENTIFIER,
    "UK_DRIVING_LICENCE": IDENTITY_DOCUMENT,
    "EMAIL_ADDRESS": CONTACT,
    "PHONE_NUMBER": CONTACT,
    "STREET_ADDRESS": LOCATION,
    "UK_POSTCODE": LOCATION,
    "IBAN_CODE": FINANCIAL,
    "UK_BANK_ACCOUNT": FINANCIAL,
    "CREDIT_CARD": FINANCIAL,
    "IP_ADDRESS": ONLINE_IDENTIFIER,
}

ENTITIES: tuple[str, ...] = tuple(ENTITY_CATEGORIES)


def category_of(entity: str) -> str:
    """The category of ``entity``; unknown entities (from plug-ins) are their own category."""
    return ENTITY_CATEGORIES.get(entity, entity.lower())
