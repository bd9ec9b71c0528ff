"""Telling attacker from target among the actors named in a clause.

Arabic news states the attacker as the subject after the verb ("شنت
الطائرات الأمريكية غارات"), through a relative clause ("هجمات شنتها
الميليشيات"), or as the owner of the weapon ("القصف التركي"); the target
follows "ضد"/"على", owns the hit sites ("مواقع تابعة للميليشيات"), or is the
subject of a passive verb ("تعرضت قاعدة التحالف لهجوم"). Each rule looks at
the words around a mention; what no rule decides falls back on word order.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.lexicon import ActorMention
from extract.tokens import Token

ATTACKER = "attacker"
TARGET = "target"

# Words inside a mention that make it the attacker (a weapon or force that strikes)
# or the target (a place or people that is hit).
_WEAPON_WORDS = ("طائر", "طيران", "غار", "ضرب", "قصف", "مقاتلات", "مروحي", "مسير", "مدفعي")
_TARGET_WORDS = (
    "قاعد",
    "قواعد",
    "منشا",
    "مصالح",
    "مواقع",
    "مدني",
    "منزل",
    "سفين",
    "ناقل",
    "متعاقد",
    "مقاول",
    "جندي",
    "جنود",
    "افراد",
    "عسكريين",
)
_TARGET_BEFORE = frozenset(
    {
        "ضد",
        "علي",
        "استهدفت",
        "استهدف",
        "استهداف",
        "تستهدف",
        "يستهدف",
        "مواقع",
        "موقع",
        "مقرات",
        "مقر",
        "مخازن",
        "مستودعات",
        "مستودع",
        "منشات",
        "منشاه",
        "عناصر",
        "عنصر",
        "مسلحين",
        "قاعده",
        "قواعد",
        "تابعه",
        "التابعه",
        "مرتبطه",
        "المرتبطه",
        "مرتبطين",
        "صفوف",
        "من",
        "تعرضت",
        "تعرض",
        "يستخدمها",
        "تستخدمها",
        "يستخدمهما",
        "تستخدمه",
        "مراكز",
        "مركز",
        "تجمعات",
        "تحركات",
        "قافله",
        "رتل",
        "دوريه",
        "نقاط",
        "نقطه",
        "مقاتلي",
        "قياديا",
        "قيادي",
        "لمواقع",
        "بمواقع",
        "لعناصر",
        "التابعين",
    }
)
_ATTACKER_BEFORE = frozenset(
    {
        "شنتها",
        "شنها",
        "نفذتها",
        "نفذها",
        "قبل",
        "اطلقتها",
        "اطلقها",
        "جانب",
        "تبنت",
        "تبني",
        "شنت",
        "شن",
        "نفذت",
        "نفذ",
        "اطلقت",
        "اطلق",
        "قصفت",
        "قصف",
        "هاجمت",
        "هاجم",
        "اعلنت",
        "اعلن",
        "قتلت",
    }
)
_ATTACKER_AFTER = frozenset({"انها", "انه", "بانها", "بانه"})


@dataclass(frozen=True)
class Roles:
    """The attacker and target of a clause, either of which may be unknown."""

    attacker: ActorMention | None
    target: ActorMention | None


def _role(
    mention: ActorMention, tokens: list[Token], text: str, begin: int, trigger_at: int
) -> str:
    words = mention.text
    folded = tokens[mention.first_token].folded
    if mention.key == "civilians":
        return TARGET
    if any(word in folded for word in _TARGET_WORDS) or "قاعد" in words:
        return TARGET
    if any(word in folded for word in _WEAPON_WORDS):
        return ATTACKER
    after = tokens[mention.last_token].folded if mention.last_token < len(tokens) else ""
    if after in _ATTACKER_AFTER:
        return ATTACKER
    for index in range(mention.first_token - 1, max(begin, mention.first_token - 3) - 1, -1):
        word = tokens[index].folded
        forms = tokens[index].forms
        if word in _ATTACKER_BEFORE or forms & _ATTACKER_BEFORE:
            return ATTACKER
        if word in _TARGET_BEFORE or forms & _TARGET_BEFORE:
            return TARGET
    clitic = text[tokens[mention.first_token].start : mention.start]
    if "ل" in clitic or "ب" in clitic:
        return TARGET  # للميليشيات / بالحرس: owner of what was hit
    return ATTACKER if mention.first_token < trigger_at else TARGET


def assign_roles(
    mentions: list[ActorMention], tokens: list[Token], text: str, begin: int, trigger_at: int
) -> Roles:
    """Pick the attacker and the target among a clause's actor mentions."""
    attacker = target = None
    for mention in mentions:
        role = _role(mention, tokens, text, begin, trigger_at)
        if role == ATTACKER and attacker is None:
            attacker = mention
        elif role == TARGET and target is None:
            target = mention
    if attacker is not None and target is not None and attacker.key == target.key:
        others = [m for m in mentions if m.key != attacker.key]
        target = next(
            (m for m in others if _role(m, tokens, text, begin, trigger_at) == TARGET), None
        )
    return Roles(attacker, target)
