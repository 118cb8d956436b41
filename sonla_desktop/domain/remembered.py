"""The rules' caches that hold a person's values, emptied together when a person is erased.

Validating and auditing an import of 10,000 people folds and hashes the same names, villages
and phone numbers many times over; the rules remember the answers (bounded ``lru_cache``s,
in this process's memory only, never on disk). After an erasure nothing of the person should
stay in the program, so ``forget_personal_values`` empties them all (the next import only
computes its answers again).
"""

from __future__ import annotations

from . import audit_chain, identity, text, worker_rules

# Every cache whose keys or answers are a person's values (names and their words, villages,
# phone numbers, the values behind keyed hashes). Reference lists and month lengths are not.
PERSONAL_CACHES = (
    audit_chain._cached_hash,
    identity._vn_number_type,
    text._fold_word,
    text._word_codes,
    worker_rules._sort_key,
    worker_rules._fold_part,
)


def forget_personal_values() -> None:
    for cache in PERSONAL_CACHES:
        cache.cache_clear()
