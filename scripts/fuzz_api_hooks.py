"""Schemathesis hooks for scripts/fuzz_api.sh.

A schema-valid sync record is almost never one the server would store: its `account_id` must
be the token's account and its question, questionnaire or module ids must exist in the
content. Both depend on the running server, not on the document, so a fuzzer working from
the document alone would only ever reach the first refusal (`forbidden`). This hook lets
Hypothesis decide, per record, whether to keep the generated record as it is (the refusal
paths) or to make it plausible: the fuzz account, a time since 2021, and ids drawn from the
served content bundle. Then storage, duplicates, id conflicts and the read-back in
GET /me/records are fuzzed too, and every stored record is checked against its schema on the
way out. Shapes are kept as generated, so a schema-valid body stays schema-valid.
"""

import json
import os
import urllib.request
from datetime import datetime, timedelta, timezone

import schemathesis
from hypothesis import strategies as st

BASE = os.environ["FUZZ_BASE_URL"]
ACCOUNT = os.environ.get("FUZZ_ACCOUNT_ID")

with urllib.request.urlopen(f"{BASE}/api/v1/content", timeout=30) as answer:
    CONTENT = json.load(answer)
QUESTIONS = CONTENT["questions"]
QUESTIONNAIRES = CONTENT["questionnaires"]
MODULES = CONTENT["modules"]
QUESTION_IDS = [q["id"] for q in QUESTIONS]

# Not before 2021 and not ahead of the server clock: the bounds the server enforces.
created_at = st.datetimes(
    min_value=datetime(2021, 1, 2),
    max_value=datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(minutes=1),
).map(lambda t: t.replace(tzinfo=timezone.utc, microsecond=t.microsecond // 1000 * 1000).isoformat().replace("+00:00", "Z"))


def practice_answer(payload):
    return st.sampled_from(QUESTIONS).flatmap(
        lambda q: st.sampled_from(q["options"]).map(
            lambda o: {**payload, "question_id": q["id"], "option_id": o["id"]}
        )
    )


def practice_attempt(payload):
    def count(key):
        # The generated payload may hold anything there (null, a string): only whole numbers fit.
        value = payload.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    def fit(ids):
        answered = min(count("answered"), len(ids))
        correct = min(count("correct"), answered)
        return {**payload, "question_ids": ids, "answered": answered, "correct": correct}

    return st.lists(st.sampled_from(QUESTION_IDS), min_size=1, max_size=10).map(fit)


def questionnaire_response(payload):
    return st.sampled_from(QUESTIONNAIRES).flatmap(
        lambda q: st.dictionaries(
            st.sampled_from([i["id"] for i in q["items"]]), st.integers(1, 5), max_size=8
        ).map(lambda answers: {**payload, "questionnaire_id": q["id"], "answers": answers})
    )


def with_text(payload):
    text = payload.get("text")
    return text if isinstance(text, str) and text.strip() else "Saya belajar dari modul ini."


def reflection(payload):
    return st.sampled_from(MODULES).map(
        lambda m: {**payload, "module_id": m["id"], "text": with_text(payload)}
    )


def commitment(payload):
    return st.sampled_from(MODULES).flatmap(
        lambda m: st.sampled_from([None] + [a["id"] for a in m.get("actions", [])]).map(
            lambda action: {**payload, "module_id": m["id"], "action_id": action, "text": with_text(payload)}
        )
    )


def live_answer(payload):
    # The server's rules: points 0 for a wrong answer and at most 1000.
    def fit(q, o):
        correct = q["answer"] == o["id"]
        points = payload.get("points")
        ok = isinstance(points, int) and not isinstance(points, bool) and 0 <= points <= 1000
        return {**payload, "question_id": q["id"], "option_id": o["id"], "correct": correct,
                "points": points if ok and correct else 0}

    return st.sampled_from(QUESTIONS).flatmap(
        lambda q: st.sampled_from(q["options"]).map(lambda o: fit(q, o))
    )


PLAUSIBLE = {
    "practice_answer": practice_answer,
    "practice_attempt": practice_attempt,
    "questionnaire_response": questionnaire_response,
    "reflection": reflection,
    "commitment": commitment,
    "commitment_checkin": st.just,
    "live_answer": live_answer,
}


def record(raw):
    if not (ACCOUNT and isinstance(raw, dict) and isinstance(raw.get("payload"), dict)):
        return st.just(raw)
    make = PLAUSIBLE.get(raw.get("kind"))
    if make is None:
        return st.just(raw)
    plausible = st.tuples(make(raw["payload"]), created_at).map(
        lambda pc: {**raw, "account_id": ACCOUNT, "created_at": pc[1], "payload": pc[0]}
    )
    return st.one_of(plausible, st.just(raw))


@schemathesis.hook
def flatmap_body(context, body):
    operation = context.operation
    if (
        operation is None
        or not operation.path.endswith("/sync")
        or not isinstance(body, dict)
        or not isinstance(body.get("records"), list)
    ):
        return st.just(body)
    return st.tuples(*[record(r) for r in body["records"]]).map(
        lambda records: {**body, "records": list(records)}
    )
