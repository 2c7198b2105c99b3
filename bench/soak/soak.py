#!/usr/bin/env python3
"""Soak benchmark of a running Pupitre stack, through the gateway only.

Drives a realistic mix of API calls at a fixed rate (open loop: a request is started every 1/rate seconds
whatever the answers take) for a given duration, then reports per operation the requests, errors and
p50/p95/p99 latency, and every minute the RSS and JVM heap of each application, with the least-squares slope
of both over the run (after the warm-up): a flat line means no leak. Exits non-zero if any request failed.

Python 3.11, standard library only. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import http.client
import json
import os
import queue
import random
import re
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.parse
import uuid
from pathlib import Path

PASSWORD = "trente ans de métier, soak"

# Plain words, as people type them in the search box (French and English).
SEARCH_PHRASES = [
    "traduction juridique", "mise en page", "comptabilité", "bookkeeping", "transcription médicale",
    "saisie de données", "tenue de livres", "secrétariat notarial", "révision de textes", "paie",
    "gestion d'agenda", "gestion des courriels", "facturation", "QuickBooks", "Sage 50", "Excel",
    "j'ai besoin d'aide pour la comptabilité de ma petite entreprise", "traduire nos actes notariés",
    "transcrire les dictées de notre clinique", "legal secretary", "medical transcription",
    "document layout", "data entry", "payroll", "calendar management", "french translation",
    "proofreading", "customer service", "états financiers", "adjointe virtuelle",
]

# (title fr, title en, description fr, skills)
OFFERS = [
    ("Traduction juridique français-anglais", "Legal French-English translation",
     "Traduction de contrats, procurations et actes, terminologie juridique québécoise.", ["translation", "legal"]),
    ("Mise en page de rapports et présentations", "Layout of reports and slide decks",
     "Mise en page soignée de vos documents Word et présentations, gabarits sur mesure.", ["layout", "word"]),
    ("Tenue de livres pour travailleurs autonomes", "Bookkeeping for freelancers",
     "Comptabilité mensuelle, rapprochements bancaires et préparation des taxes sur QuickBooks.",
     ["bookkeeping", "quickbooks"]),
    ("Transcription médicale rapide", "Fast medical transcription",
     "Dictées de médecins transcrites en 24 h, terminologie médicale, confidentialité assurée.",
     ["transcription", "medical"]),
    ("Saisie de données et chiffriers Excel", "Data entry and Excel spreadsheets",
     "Saisie précise de formulaires, nettoyage de listes et tableaux Excel.", ["data-entry", "excel"]),
    ("Secrétariat notarial à distance", "Remote notarial secretarial work",
     "Préparation de dossiers, suivi des signatures et gestion d'agenda pour études de notaires.",
     ["notarial", "calendar"]),
    ("Paie et facturation pour PME", "Payroll and invoicing for small businesses",
     "Paie aux deux semaines, facturation clients et relances, Sage 50 ou Acomba.", ["payroll", "invoicing"]),
    ("Révision et correction de textes", "Proofreading and editing",
     "Révision linguistique de vos textes, rapports et sites web, en français et en anglais.", ["proofreading"]),
]

REQUESTS = [
    ("Traduire nos actes notariés", "Cherchons une traductrice pour nos actes et procurations, environ 10 h par semaine.",
     ["translation", "notarial"]),
    ("Comptabilité de ma petite entreprise", "J'ai besoin d'aide pour la tenue de livres et la TPS/TVQ chaque mois.",
     ["bookkeeping"]),
    ("Transcription des dictées de la clinique", "Notre clinique cherche une transcription rapide des dictées.",
     ["transcription", "medical"]),
    ("Mise en page de notre rapport annuel", "Rapport annuel de 40 pages à mettre en page, gabarit fourni.", ["layout"]),
    ("Gestion d'agenda et des courriels", "Adjointe virtuelle pour gérer l'agenda et la boîte de courriels.",
     ["calendar", "email-management"]),
]

TIME_DESCRIPTIONS = [
    "Transcription du procès-verbal", "Mise en page du rapport", "Rapprochement bancaire", "Traduction d'un contrat",
    "Saisie des factures fournisseurs", "Révision du site web", "Suivi des courriels", "Préparation de la paie",
]

MESSAGES = ["Bonjour, êtes-vous disponible la semaine prochaine ?", "Merci, je vous envoie les documents ce soir.",
            "Parfait, on commence lundi.", "Pouvez-vous me confirmer le tarif horaire ?"]

# name, public port offset from the gateway's, module folder (for pgrep)
APPS = [("gateway", 0, "gateway"), ("listings", 1, "listings-service"), ("matching", 2, "matching-service"),
        ("billing", 3, "billing-service"), ("web", 4, "web")]
MANAGEMENT_OFFSET = 1000

# The mix: category -> weight (percent of the scheduled requests).
MIX = [("search", 40), ("read", 20), ("create", 5), ("invitation", 10), ("time", 15), ("invoice", 10)]

# What each operation must answer; anything else (or an exception) is an error.
EXPECTED = {
    "search": 200, "listing.read": 200, "listing.create": 201, "listing.publish": 200,
    "invitation.send": 201, "invitation.accept": 200, "invitation.decline": 200, "invitation.message": 201,
    "time.log": 201, "time.list": 200,
    "week.approve": 200, "invoice.create": 201, "invoice.issue": 200, "payment.record": 201,
    "payment.confirm": 200, "invoice.list": 200,
    "auth.refresh": 200, "auth.token": 200,
}
OP_ORDER = list(EXPECTED) + ["client.internal"]


# ---- small helpers -------------------------------------------------------------------------------------------

def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def read_properties(path: Path) -> dict[str, str]:
    """A Java .properties file, as java.util.Properties#store writes it (escapes, continuation lines)."""
    logical, buf = [], None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.lstrip(" \t\f")
        if buf is None and (not line or line[0] in "#!"):
            continue
        backslashes = len(line) - len(line.rstrip("\\"))
        part = line[:-1] if backslashes % 2 == 1 else line
        buf = part if buf is None else buf + part
        if backslashes % 2 == 0:
            logical.append(buf)
            buf = None
    if buf is not None:
        logical.append(buf)
    escapes = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
    props: dict[str, str] = {}
    for line in logical:
        key, i = [], 0
        while i < len(line) and line[i] not in "=: \t\f":
            if line[i] == "\\" and i + 1 < len(line):
                i += 1
            key.append(line[i])
            i += 1
        while i < len(line) and line[i] in " \t\f":
            i += 1
        if i < len(line) and line[i] in "=:":
            i += 1
        while i < len(line) and line[i] in " \t\f":
            i += 1
        value, rest = [], line[i:]
        j = 0
        while j < len(rest):
            c = rest[j]
            if c == "\\" and j + 1 < len(rest):
                n = rest[j + 1]
                if n == "u" and j + 5 < len(rest) + 0 and re.fullmatch(r"[0-9a-fA-F]{4}", rest[j + 2:j + 6]):
                    value.append(chr(int(rest[j + 2:j + 6], 16)))
                    j += 6
                    continue
                value.append(escapes.get(n, n))
                j += 2
                continue
            value.append(c)
            j += 1
        props["".join(key)] = "".join(value)
    return props


def percentile(sorted_values: list[float], p: float) -> float | None:
    if not sorted_values:
        return None
    k = (len(sorted_values) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def slope_per_minute(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of (seconds, MB) points, in MB per minute."""
    pts = [(t / 60.0, v) for t, v in points if v is not None]
    if len(pts) < 2:
        return None
    n = len(pts)
    mx = sum(t for t, _ in pts) / n
    my = sum(v for _, v in pts) / n
    sxx = sum((t - mx) ** 2 for t, _ in pts)
    if sxx == 0:
        return None
    return sum((t - mx) * (v - my) for t, v in pts) / sxx


def fmt(v: float | None, digits: int = 1) -> str:
    return "n/a" if v is None else f"{v:.{digits}f}"


def today() -> dt.date:
    return dt.date.today()


def monday_of(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


# ---- HTTP ----------------------------------------------------------------------------------------------------

class Answer:
    def __init__(self, status: int, body: bytes, headers: dict[str, str]):
        self.status = status
        self.body = body
        self.headers = headers

    def json(self):
        return json.loads(self.body.decode("utf-8")) if self.body else None

    def code(self) -> str:
        try:
            j = self.json()
            return str(j.get("code", "")) if isinstance(j, dict) else ""
        except Exception:
            return ""

    def snippet(self, n: int = 300) -> str:
        return self.body[:n].decode("utf-8", errors="replace").replace("\n", " ")


class Http:
    """One keep-alive connection per thread to one origin."""

    def __init__(self, base_url: str, timeout: float):
        u = urllib.parse.urlsplit(base_url)
        if u.scheme not in ("http", "https"):
            raise SystemExit(f"unsupported URL: {base_url}")
        self.https = u.scheme == "https"
        self.host = u.hostname or "localhost"
        self.port = u.port or (443 if self.https else 80)
        self.timeout = timeout
        self.local = threading.local()
        self.reconnects = 0

    def _connection(self):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            cls = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
            conn = cls(self.host, self.port, timeout=self.timeout)
            self.local.conn = conn
            self.local.used = False
        return conn

    def _drop(self):
        conn = getattr(self.local, "conn", None)
        if conn is not None:
            try:
                conn.close()
            except Exception:
                pass
        self.local.conn = None

    def request(self, method: str, path: str, body=None, token: str | None = None,
                headers: dict[str, str] | None = None) -> Answer:
        h = {"Accept": "application/json", "User-Agent": "pupitre-soak/1", "Accept-Language": "fr-CA"}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            h["Content-Type"] = "application/json"
        elif method in ("POST", "PUT", "PATCH"):
            data = b""
            h["Content-Type"] = "application/json"
        if token:
            h["Authorization"] = "Bearer " + token
        if headers:
            h.update(headers)
        for attempt in (1, 2):
            conn = self._connection()
            reused = self.local.used
            try:
                conn.request(method, path, body=data, headers=h)
                resp = conn.getresponse()
                payload = resp.read()
                self.local.used = True
                if resp.getheader("Connection", "").lower() == "close":
                    self._drop()
                return Answer(resp.status, payload, {k.lower(): v for k, v in resp.getheaders()})
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError,
                    http.client.CannotSendRequest, http.client.BadStatusLine):
                self._drop()
                # a kept-alive connection the server had closed while idle: the request never reached it
                if attempt == 1 and reused:
                    self.reconnects += 1
                    continue
                raise
            except BaseException:
                self._drop()
                raise
        raise AssertionError("unreachable")


# ---- statistics ---------------------------------------------------------------------------------------------

class OpStats:
    __slots__ = ("requests", "errors", "rate_limited", "latencies", "warm_requests", "warm_errors", "statuses")

    def __init__(self):
        self.requests = 0
        self.errors = 0
        self.rate_limited = 0
        self.latencies: list[float] = []
        self.warm_requests = 0
        self.warm_errors = 0
        self.statuses: collections.Counter = collections.Counter()


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.ops: dict[str, OpStats] = collections.defaultdict(OpStats)
        self.run_start: float | None = None
        self.warmup = 0.0
        self.error_samples: list[str] = []
        self.error_kinds: collections.Counter = collections.Counter()
        self.interval_requests = 0
        self.interval_errors = 0
        self.total_errors = 0
        self.setup_requests = 0
        self.setup_errors = 0

    def measured(self, now: float) -> bool:
        return self.run_start is not None and now - self.run_start >= self.warmup

    def record(self, op: str, ok: bool, ms: float, status: int | None, detail: str = "", kind: str = ""):
        now = time.monotonic()
        with self.lock:
            if self.run_start is None:  # setup: not part of the measured mix
                self.setup_requests += 1
                if not ok:
                    self.setup_errors += 1
                    self.total_errors += 1
                    if len(self.error_samples) < 25:
                        self.error_samples.append(f"setup {op}: {status} {detail}")
                return
            s = self.ops[op]
            s.statuses[status if status is not None else "exception"] += 1
            if status == 429:
                s.rate_limited += 1
            if self.measured(now):
                s.requests += 1
                s.latencies.append(ms)
                if not ok:
                    s.errors += 1
            else:
                s.warm_requests += 1
                if not ok:
                    s.warm_errors += 1
            self.interval_requests += 1
            if not ok:
                self.interval_errors += 1
                self.total_errors += 1
                self.error_kinds[f"{op} -> {status if status is not None else 'exception'} {kind or detail[:100]}"] += 1
                if len(self.error_samples) < 25:
                    self.error_samples.append(f"t+{now - self.run_start:.0f}s {op}: {status} {detail}")

    def take_interval(self) -> tuple[int, int]:
        with self.lock:
            r, e = self.interval_requests, self.interval_errors
            self.interval_requests = self.interval_errors = 0
            return r, e


class OpFailed(Exception):
    def __init__(self, op: str, answer: Answer | None, message: str = ""):
        super().__init__(f"{op}: {answer.status if answer else message}")
        self.op = op
        self.answer = answer


# ---- people ---------------------------------------------------------------------------------------------------

class Account:
    def __init__(self, role: str, email: str, password: str):
        self.role = role
        self.email = email
        self.password = password
        self.id: str | None = None
        self.access: str | None = None
        self.refresh: str | None = None
        self.issued = 0.0
        self.lock = threading.Lock()

    def __repr__(self):
        return f"{self.role.lower()} {self.email}"


# ---- the benchmark -------------------------------------------------------------------------------------------

class Soak:
    def __init__(self, args):
        self.args = args
        self.http = Http(args.gateway, args.timeout)
        self.stats = Stats()
        self.rng = random.Random(args.seed)
        self.lock = threading.Lock()
        self.run_id = uuid.uuid4().hex[:8]
        self.secretaries: list[Account] = []
        self.clients: list[Account] = []
        self.admin: Account | None = None
        # world state, guarded by self.lock
        self.offers: dict[int, list[tuple[str, float]]] = collections.defaultdict(list)  # secretary -> (id, usable from)
        self.requests: dict[int, str] = {}  # client -> request listing id
        self.read_pool: list[str] = []
        self.drafts: collections.deque = collections.deque()  # (secretary index, listing id)
        self.pending: collections.deque = collections.deque()  # (invitation id, client, secretary, request, offer)
        self.pending_pairs: set[tuple[str, str]] = set()
        self.invites_left: list[int] = []
        self.threads: list[tuple[str, int, int]] = []  # accepted invitations: (id, client, secretary)
        self.engagements: list[dict] = []
        self.counters: collections.Counter = collections.Counter()
        # schedule
        self.lags: list[float] = []
        self.dropped = 0
        self.scheduled = 0
        self.samples: list[dict] = []
        self.pids: dict[str, int | None] = {}
        self.heap_source: dict[str, str] = {}

    # -- calls

    def token_of(self, account: Account) -> str:
        with account.lock:
            if account.access and time.monotonic() - account.issued < self.args.token_refresh:
                return account.access
            if account.refresh:
                t0 = time.perf_counter()
                try:
                    a = self.http.request("POST", "/api/v1/auth/refresh", {"refresh_token": account.refresh})
                    ok = a.status == 200
                    self.stats.record("auth.refresh", ok, (time.perf_counter() - t0) * 1000, a.status,
                                      "" if ok else a.code() or a.snippet())
                    if ok:
                        self._take_tokens(account, a.json())
                        return account.access
                except Exception as e:  # noqa: BLE001
                    self.stats.record("auth.refresh", False, (time.perf_counter() - t0) * 1000, None, repr(e))
            self._sign_in(account)
            return account.access

    def _take_tokens(self, account: Account, body: dict):
        account.access = body["access_token"]
        account.refresh = body.get("refresh_token")
        account.issued = time.monotonic()

    def _sign_in(self, account: Account):
        a = self.call("auth.token", "POST", "/api/v1/auth/token", {"email": account.email, "password": account.password})
        self._take_tokens(account, a.json())

    def call(self, op: str, method: str, path: str, body=None, who: Account | None = None,
             headers: dict[str, str] | None = None, expected: int | None = None) -> Answer:
        token = self.token_of(who) if who is not None and op not in ("auth.token",) else None
        want = expected if expected is not None else EXPECTED[op]
        t0 = time.perf_counter()
        try:
            a = self.http.request(method, path, body, token, headers)
        except Exception as e:  # noqa: BLE001
            self.stats.record(op, False, (time.perf_counter() - t0) * 1000, None, f"{method} {path}: {e!r}",
                              type(e).__name__)
            raise OpFailed(op, None, repr(e)) from e
        ms = (time.perf_counter() - t0) * 1000
        ok = a.status == want
        detail = "" if ok else f"{method} {path} answered {a.status} {a.snippet()}"
        self.stats.record(op, ok, ms, a.status, detail, "" if ok else (a.code() or a.snippet(100)))
        if not ok:
            raise OpFailed(op, a)
        return a

    # -- setup

    def setup(self):
        args = self.args
        secrets = read_properties(Path(args.secrets))
        if "admin.email" not in secrets or "admin.password" not in secrets:
            raise SystemExit(f"{args.secrets} has no admin.email / admin.password")
        self.admin = Account("ADMIN", secrets["admin.email"], secrets["admin.password"])
        self._sign_in(self.admin)
        log(f"signed in as the admin ({self.admin.email})")

        for i in range(args.secretaries):
            self.secretaries.append(self._register("SECRETARY", i))
        for i in range(args.clients):
            self.clients.append(self._register("CLIENT", i))
        log(f"registered and verified {len(self.secretaries)} secretaries and {len(self.clients)} clients")

        for i, s in enumerate(self.secretaries):
            self.call("setup", "PUT", "/api/v1/billing/profile", {
                "legalName": f"Secrétaire Soak {i}", "address": f"{100 + i}, rue Principale, Québec",
                "province": "QC", "smallSupplier": True,
                "paymentInstructions": f"Virement Interac : {s.email}"}, who=s, expected=200)
        for i, c in enumerate(self.clients):
            self.call("setup", "PUT", "/api/v1/billing/profile", {
                "legalName": f"Cabinet Soak {i}", "address": f"{400 + i}, boul. Laurier, Québec", "province": "QC"},
                who=c, expected=200)

        for i, s in enumerate(self.secretaries):
            oid = self._publish(s, self._offer_body(i), op="setup")
            self.offers[i].append((oid, 0.0))
            self.read_pool.append(oid)
        for i, c in enumerate(self.clients):
            title, desc, skills = REQUESTS[i % len(REQUESTS)]
            rid = self._publish(c, {
                "title": {"fr": f"{title} ({self.run_id}-{i})"}, "description": {"fr": desc}, "skills": skills,
                "languages": ["fr"], "pricing": {"unit": "HOUR", "amount": "45.00"}, "hoursPerWeek": 10,
                "remote": True}, op="setup")
            self.requests[i] = rid
            self.read_pool.append(rid)
        published_at = time.monotonic()
        log("published one offer per secretary and one request per client")

        # matching copies listings from listings' change feed (every 5 s by default): wait until it ranks offers
        for i, c in enumerate(self.clients):
            self._until(lambda: self.http.request("GET", "/api/v1/matches?requestId=" + self.requests[i], None,
                                                  self.token_of(c)).status == 200,
                        f"matching to know request {self.requests[i]}")

        per_client = min(args.engagements_per_client, len(self.secretaries))
        limit = args.invitation_limit
        self.invites_left = [max(0, limit - per_client) for _ in self.clients]
        for ci, c in enumerate(self.clients):
            for k in range(per_client):
                si = (ci + k) % len(self.secretaries)
                s = self.secretaries[si]
                oid = self.offers[si][0][0]
                body = {"requestId": self.requests[ci], "offerId": oid, "message": "Bonjour, votre offre m'intéresse."}
                holder = {}

                def invite():
                    a = self.http.request("POST", "/api/v1/invitations", body, self.token_of(c))
                    if a.status == 422:  # offer or request not yet copied by matching
                        return False
                    holder["a"] = a
                    return True

                self._until(invite, f"matching to know offer {oid}")
                a = holder["a"]
                if a.status != 201:
                    raise SystemExit(f"setup: invitation answered {a.status} {a.snippet()}")
                inv = a.json()["id"]
                self.call("setup", "POST", f"/api/v1/invitations/{inv}/accept", who=s, expected=200)
                e = self.call("setup", "POST", "/api/v1/engagements", {
                    "invitationId": inv, "pricing": {"type": "HOURLY", "rate": "45.00"}, "terms": "NET_30"},
                    who=c, expected=201).json()
                self.threads.append((inv, ci, si))
                self.engagements.append({"id": e["id"], "client": ci, "secretary": si, "weeks": collections.Counter(),
                                         "stage": "idle", "busy": False, "failures": 0})
        log(f"{len(self.engagements)} engagements started (invitation sent, accepted, engagement created)")

        for e in self.engagements:
            d = today()
            self.call("setup", "POST", f"/api/v1/engagements/{e['id']}/time-entries", {
                "date": d.isoformat(), "minutes": 60, "description": "Démarrage du mandat"},
                who=self.secretaries[e["secretary"]], expected=201)
            e["weeks"][monday_of(d)] += 1
        # offers published in setup must be in matching before they are invited during the run
        wait = 12.0 - (time.monotonic() - published_at)
        if wait > 0:
            time.sleep(wait)
        a = self.call("setup", "GET", "/api/v1/listings?" + urllib.parse.urlencode({"q": "secrétariat", "limit": 50}),
                      expected=200)
        for item in a.json().get("items", []):
            self.read_pool.append(item["id"])

    def _register(self, role: str, i: int) -> Account:
        email = f"soak-{self.run_id}-{role.lower()}-{i}@example.ca"
        acct = Account(role, email, PASSWORD)
        a = self.call("setup", "POST", "/api/v1/auth/register", {
            "email": email, "password": PASSWORD, "displayName": f"Soak {role.title()} {i}", "role": role,
            "locale": "fr-CA"}, expected=201)
        acct.id = a.json().get("id")
        holder = {}

        def mail():
            m = self.call("setup", "GET", "/api/v1/dev/mailbox?" + urllib.parse.urlencode({"to": email}),
                          who=self.admin, expected=200).json()
            for item in m.get("items", []):
                found = re.search(r"token=([A-Za-z0-9_-]{20,})", item.get("text") or "")
                if found:
                    holder["token"] = found.group(1)
                    return True
            return False

        self._until(mail, f"the verification e-mail to {email}", timeout=30)
        self.call("setup", "POST", "/api/v1/auth/verify-email", {"token": holder["token"]}, expected=204)
        self._sign_in(acct)  # after verification: the token carries email_verified
        return acct

    def _until(self, probe, what: str, timeout: float = 60.0):
        deadline = time.monotonic() + timeout
        while True:
            if probe():
                return
            if time.monotonic() > deadline:
                raise SystemExit(f"setup: gave up waiting for {what} after {timeout:.0f} s")
            time.sleep(0.5)

    def _offer_body(self, n: int) -> dict:
        fr, en, desc, skills = OFFERS[n % len(OFFERS)]
        return {"title": {"fr": f"{fr} — {self.run_id}-{n}", "en": f"{en} — {self.run_id}-{n}"},
                "description": {"fr": desc}, "skills": skills, "languages": ["fr", "en"],
                "pricing": {"unit": "HOUR", "amount": f"{35 + n % 20}.00"}, "hoursPerWeek": 5 + n % 30, "remote": True}

    def _publish(self, who: Account, body: dict, op: str) -> str:
        lid = self.call(op if op == "setup" else "listing.create", "POST", "/api/v1/listings", body, who=who,
                        expected=201).json()["id"]
        self.call(op if op == "setup" else "listing.publish", "POST", f"/api/v1/listings/{lid}/publish", who=who,
                  expected=200)
        return lid

    # -- the operations of the mix

    def op_search(self):
        params = {"q": self.rng.choice(SEARCH_PHRASES)}
        r = self.rng.random()
        if r < 0.15:
            params["kind"] = "OFFER"
        elif r < 0.20:
            params["kind"] = "REQUEST"
        a = self.call("search", "GET", "/api/v1/listings?" + urllib.parse.urlencode(params))
        items = a.json().get("items", [])
        if items:
            with self.lock:
                for item in items[:3]:
                    self._remember(item["id"])

    def _remember(self, lid: str):
        if len(self.read_pool) < 2000:
            self.read_pool.append(lid)
        else:
            self.read_pool[self.rng.randrange(len(self.read_pool))] = lid

    def op_read(self):
        with self.lock:
            lid = self.rng.choice(self.read_pool)
        self.call("listing.read", "GET", f"/api/v1/listings/{lid}")

    def op_create(self):
        with self.lock:
            draft = self.drafts.popleft() if self.drafts else None
            n = self.counters["offers"]
            self.counters["offers"] += 1
        if draft is None:
            si = self.rng.randrange(len(self.secretaries))
            lid = self.call("listing.create", "POST", "/api/v1/listings", self._offer_body(n),
                            who=self.secretaries[si]).json()["id"]
            with self.lock:
                self.drafts.append((si, lid))
            return
        si, lid = draft
        self.call("listing.publish", "POST", f"/api/v1/listings/{lid}/publish", who=self.secretaries[si])
        with self.lock:
            # matching learns of it from listings' change feed: invite it only a while later
            self.offers[si].append((lid, time.monotonic() + self.args.feed_delay))
            self._remember(lid)

    def op_invitation(self):
        now = time.monotonic()
        with self.lock:
            answer = self.pending.popleft() if self.pending else None
            invite = None
            if answer is None:
                candidates = [ci for ci, left in enumerate(self.invites_left) if left > 0]
                self.rng.shuffle(candidates)
                for ci in candidates:
                    rid = self.requests[ci]
                    offers = [(si, oid) for si, lst in self.offers.items() for oid, ready in lst
                              if ready <= now and (rid, oid) not in self.pending_pairs]
                    if offers:
                        si, oid = self.rng.choice(offers)
                        self.pending_pairs.add((rid, oid))
                        self.invites_left[ci] -= 1
                        invite = (ci, si, rid, oid)
                        break
            thread = None
            if answer is None and invite is None:
                thread = self.rng.choice(self.threads)
                self.counters["invitation budget fallback"] += 1
        if answer is not None:
            inv, ci, si, rid, oid = answer
            try:
                if self.rng.random() < 0.5:
                    self.call("invitation.accept", "POST", f"/api/v1/invitations/{inv}/accept", who=self.secretaries[si])
                    with self.lock:
                        self.threads.append((inv, ci, si))
                else:
                    self.call("invitation.decline", "POST", f"/api/v1/invitations/{inv}/decline",
                              {"reason": "Pas disponible cette semaine"}, who=self.secretaries[si])
            finally:
                with self.lock:
                    self.pending_pairs.discard((rid, oid))
            return
        if invite is not None:
            ci, si, rid, oid = invite
            try:
                a = self.call("invitation.send", "POST", "/api/v1/invitations", {
                    "requestId": rid, "offerId": oid, "message": self.rng.choice(MESSAGES)}, who=self.clients[ci])
            except OpFailed as failed:
                with self.lock:
                    self.pending_pairs.discard((rid, oid))
                    if failed.answer is not None and failed.answer.code() == "TOO_MANY_INVITATIONS":
                        self.invites_left[ci] = 0
                raise
            with self.lock:
                self.pending.append((a.json()["id"], ci, si, rid, oid))
            return
        inv, ci, si = thread
        who = self.clients[ci] if self.rng.random() < 0.5 else self.secretaries[si]
        self.call("invitation.message", "POST", f"/api/v1/invitations/{inv}/messages",
                  {"body": self.rng.choice(MESSAGES)}, who=who)

    def op_time(self):
        with self.lock:
            e = self.rng.choice([e for e in self.engagements if e["stage"] != "broken"] or self.engagements)
        d = today()
        monday = monday_of(d)
        if self.rng.random() < 0.8:
            day = monday + dt.timedelta(days=self.rng.randint(0, (d - monday).days))
            self.call("time.log", "POST", f"/api/v1/engagements/{e['id']}/time-entries", {
                "date": day.isoformat(), "minutes": self.rng.choice([15, 30, 45, 60, 90, 120, 180]),
                "description": self.rng.choice(TIME_DESCRIPTIONS)}, who=self.secretaries[e["secretary"]])
            with self.lock:
                e["weeks"][monday] += 1
        else:
            who = self.secretaries[e["secretary"]] if self.rng.random() < 0.5 else self.clients[e["client"]]
            self.call("time.list", "GET", f"/api/v1/engagements/{e['id']}/time-entries?weekStart={monday.isoformat()}",
                      who=who)

    def op_invoice(self):
        with self.lock:
            free = [e for e in self.engagements if not e["busy"] and e["stage"] != "broken"]
            going = [e for e in free if e["stage"] != "idle"]
            ready = [e for e in free if e["stage"] == "idle" and any(n > 0 for n in e["weeks"].values())]
            e = self.rng.choice(going or ready) if (going or ready) else None
            week = None
            if e is not None:
                e["busy"] = True
                if e["stage"] == "idle":
                    week = min(m for m, n in e["weeks"].items() if n > 0)
                    e["weeks"][week] = 0  # entries logged from now on wait for the next round
        if e is None:
            s = self.rng.choice(self.secretaries)
            self.counters["invoice slots with nothing to advance"] += 1
            self.call("invoice.list", "GET", "/api/v1/invoices", who=s)
            return
        sec, cli = self.secretaries[e["secretary"]], self.clients[e["client"]]
        try:
            stage = e["stage"]
            if stage == "idle":
                try:
                    approved = self.call("week.approve", "POST",
                                         f"/api/v1/engagements/{e['id']}/weeks/{week.isoformat()}/approve", who=cli).json()
                except OpFailed:
                    with self.lock:
                        e["weeks"][week] += 1
                    raise
                if approved:
                    e["stage"] = "approved"
            elif stage == "approved":
                inv = self.call("invoice.create", "POST", "/api/v1/invoices", {"engagementId": e["id"]}, who=sec,
                                headers={"Idempotency-Key": str(uuid.uuid4())}).json()
                e["invoice"] = inv["id"]
                e["stage"] = "drafted"
            elif stage == "drafted":
                inv = self.call("invoice.issue", "POST", f"/api/v1/invoices/{e['invoice']}/issue", who=sec,
                                headers={"Idempotency-Key": str(uuid.uuid4())}).json()
                e["balance"] = inv["balance"]
                e["stage"] = "issued"
            elif stage == "issued":
                p = self.call("payment.record", "POST", f"/api/v1/invoices/{e['invoice']}/payments", {
                    "amount": e["balance"], "method": "INTERAC", "reference": "Interac " + uuid.uuid4().hex[:8],
                    "receivedOn": today().isoformat()}, who=sec, headers={"Idempotency-Key": str(uuid.uuid4())}).json()
                e["payment"] = p["id"]
                e["stage"] = "paid"
            elif stage == "paid":
                self.call("payment.confirm", "POST",
                          f"/api/v1/invoices/{e['invoice']}/payments/{e['payment']}/confirmation", who=cli)
                e["stage"] = "idle"
                with self.lock:
                    self.counters["invoices issued, paid and confirmed"] += 1
            e["failures"] = 0
        except OpFailed:
            e["failures"] += 1
            if e["failures"] >= 3:
                e["stage"] = "broken"  # stop hammering one engagement with the same failing call
            raise
        finally:
            with self.lock:
                e["busy"] = False

    # -- load

    def run(self):
        args = self.args
        handlers = {"search": self.op_search, "read": self.op_read, "create": self.op_create,
                    "invitation": self.op_invitation, "time": self.op_time, "invoice": self.op_invoice}
        names = [n for n, _ in MIX]
        weights = [w for _, w in MIX]
        jobs: queue.Queue = queue.Queue()
        lag_lock = threading.Lock()

        def worker():
            while True:
                job = jobs.get()
                if job is None:
                    return
                category, due = job
                lag = time.monotonic() - due
                with lag_lock:
                    self.lags.append(lag)
                    if lag > args.max_lag:
                        self.dropped += 1
                        continue
                try:
                    handlers[category]()
                except OpFailed:
                    pass  # recorded where it happened
                except Exception as e:  # noqa: BLE001 - a bug of this script: counted, never hidden
                    self.stats.record("client.internal", False, 0.0, None,
                                      f"{category}: {e!r} {traceback.format_exc(limit=3)}")

        threads = [threading.Thread(target=worker, name=f"w{i}", daemon=True) for i in range(args.workers)]
        for t in threads:
            t.start()
        stop = threading.Event()
        sampler = threading.Thread(target=self.sample_loop, args=(stop,), name="sampler", daemon=True)

        start = time.monotonic()
        self.stats.run_start = start
        self.stats.warmup = args.warmup
        self.stats.take_interval()
        sampler.start()
        log(f"load: {args.rate} requests/s for {args.duration} s (warm-up {args.warmup} s), {args.workers} workers")
        mix_rng = random.Random(args.seed)
        k = 0
        interval = 1.0 / args.rate
        end = start + args.duration
        while True:
            due = start + k * interval
            if due >= end:
                break
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            jobs.put((mix_rng.choices(names, weights)[0], due))
            k += 1
        self.scheduled = k
        for _ in threads:
            jobs.put(None)
        for t in threads:
            t.join()
        self.elapsed = time.monotonic() - start
        stop.set()
        sampler.join()

    # -- memory

    def resolve_pids(self):
        base = urllib.parse.urlsplit(self.args.gateway).port or 8080
        for name, offset, module in APPS:
            self.pids[name] = find_pid(base + offset, module)
        log("pids: " + ", ".join(f"{n}={p}" for n, p in self.pids.items()))

    def sample(self, t: float):
        host = self.args.management_host or urllib.parse.urlsplit(self.args.gateway).hostname or "localhost"
        base = urllib.parse.urlsplit(self.args.gateway).port or 8080
        row = {"t": t, "apps": {}}
        for name, offset, module in APPS:
            pid = self.pids.get(name)
            if pid is None or not Path(f"/proc/{pid}").exists():
                pid = self.pids[name] = find_pid(base + offset, module)
            rss = rss_mb(pid) if pid else None
            anon = rss_mb(pid, "RssAnon:") if pid else None
            heap, source = heap_mb(host, base + offset + MANAGEMENT_OFFSET, pid)
            if source:
                self.heap_source[name] = source
            row["apps"][name] = (rss, heap, anon)
        row["requests"], row["errors"] = self.stats.take_interval()
        self.samples.append(row)
        return row

    def sample_loop(self, stop: threading.Event):
        start = self.stats.run_start
        print(self.memory_header(), flush=True)
        n = 0
        while True:
            row = self.sample(time.monotonic() - start)
            print(self.memory_row(row), flush=True)
            n += 1
            next_at = start + n * self.args.sample_every
            if stop.wait(max(0.0, next_at - time.monotonic())):
                if time.monotonic() - start - row["t"] > 5:  # a last sample at the end
                    print(self.memory_row(self.sample(time.monotonic() - start)), flush=True)
                return

    @staticmethod
    def memory_header() -> str:
        cols = ["t (min)", "requests", "errors"]
        for name, _, _ in APPS:
            cols += [f"{name} RSS MB", f"{name} anon MB", f"{name} heap MB"]
        return "| " + " | ".join(cols) + " |\n|" + "---|" * len(cols)

    @staticmethod
    def memory_row(row) -> str:
        cols = [f"{row['t'] / 60:.1f}", str(row["requests"]), str(row["errors"])]
        for name, _, _ in APPS:
            rss, heap, anon = row["apps"][name]
            cols += [fmt(rss, 0), fmt(anon, 0), fmt(heap, 0)]
        return "| " + " | ".join(cols) + " |"

    # -- report

    def report(self) -> str:
        args = self.args
        out = []
        st = self.stats
        out.append(f"## Pupitre soak: {args.rate} req/s for {args.duration} s through {args.gateway}\n")
        out.append(f"Run {self.run_id}: {len(self.secretaries)} secretaries, {len(self.clients)} clients, "
                   f"{len(self.engagements)} engagements; setup took {st.setup_requests} requests "
                   f"({st.setup_errors} errors, not in the tables). Warm-up {args.warmup} s excluded from the table "
                   f"below and from the slopes.\n")
        out.append("### Requests (after warm-up)\n")
        out.append("| operation | expects | requests | errors | of which 429 | p50 ms | p95 ms | p99 ms | max ms |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        tot_req = tot_err = tot_429 = 0
        all_lat: list[float] = []
        for op in OP_ORDER + sorted(set(st.ops) - set(OP_ORDER)):
            s = st.ops.get(op)
            if s is None or (s.requests == 0 and s.warm_requests == 0):
                continue
            lat = sorted(s.latencies)
            all_lat.extend(lat)
            tot_req += s.requests
            tot_err += s.errors
            tot_429 += s.rate_limited
            out.append(f"| {op} | {EXPECTED.get(op, '-')} | {s.requests} | {s.errors} | {s.rate_limited} | "
                       f"{fmt(percentile(lat, 50))} | {fmt(percentile(lat, 95))} | {fmt(percentile(lat, 99))} | "
                       f"{fmt(lat[-1] if lat else None)} |")
        all_lat.sort()
        out.append(f"| **all** | | {tot_req} | {tot_err} | {tot_429} | {fmt(percentile(all_lat, 50))} | "
                   f"{fmt(percentile(all_lat, 95))} | {fmt(percentile(all_lat, 99))} | "
                   f"{fmt(all_lat[-1] if all_lat else None)} |")
        warm_req = sum(s.warm_requests for s in st.ops.values())
        warm_err = sum(s.warm_errors for s in st.ops.values())
        out.append("")
        out.append(f"Warm-up: {warm_req} requests, {warm_err} errors (counted in the exit code).")
        lags = sorted(self.lags)
        achieved = (tot_req + warm_req) / self.elapsed if getattr(self, "elapsed", 0) else 0
        out.append(f"Schedule: {self.scheduled} slots at {args.rate}/s, {tot_req + warm_req} requests in "
                   f"{getattr(self, 'elapsed', 0):.0f} s ({achieved:.1f}/s; an invitation, listing or invoice slot "
                   f"is one request, token refreshes come on top); start lag p99 {fmt(percentile(lags, 99) * 1000 if lags else None)} ms, "
                   f"max {fmt(lags[-1] * 1000 if lags else None)} ms; {self.dropped} slots dropped "
                   f"(started more than {args.max_lag:.0f} s late: the client could not keep the rate).")
        if self.http.reconnects:
            out.append(f"Kept-alive connections found closed by the server and retried once: {self.http.reconnects}.")
        for k, v in sorted(self.counters.items()):
            if k != "offers":
                out.append(f"- {k}: {v}")
        if self.counters.get("invitation budget fallback"):
            out.append(f"  (every client had used her daily invitation limit, --invitation-limit {args.invitation_limit}:"
                       " those invitation slots posted a message in an accepted invitation's thread instead)")
        out.append("")
        out.append("### Memory, every minute (RSS = VmRSS and anon = RssAnon from /proc/<pid>/status: anon leaves out"
                   " mapped files such as the search index, which the kernel can drop and read again; heap ="
                   " jvm_memory_used_bytes{area=\"heap\"})\n")
        out.append(self.memory_header())
        for row in self.samples:
            out.append(self.memory_row(row))
        src = ", ".join(f"{n}: {s}" for n, s in self.heap_source.items())
        if src:
            out.append(f"\nHeap source per app: {src}.")
        out.append("\n### Trend after warm-up (least squares, MB per minute)\n")
        out.append("| app | pid | RSS slope | heap slope | RSS first → last (max) | anon first → last (max) | heap first → last |")
        out.append("|---|---|---|---|---|---|---|")
        kept = [r for r in self.samples if r["t"] >= args.warmup - 1]
        for name, _, _ in APPS:
            rss_pts = [(r["t"], r["apps"][name][0]) for r in kept]
            heap_pts = [(r["t"], r["apps"][name][1]) for r in kept]
            rv = [v for _, v in rss_pts if v is not None]
            hv = [v for _, v in heap_pts if v is not None]
            av = [r["apps"][name][2] for r in kept if r["apps"][name][2] is not None]
            out.append(f"| {name} | {self.pids.get(name) or 'n/a'} | {fmt(slope_per_minute(rss_pts), 2)} | "
                       f"{fmt(slope_per_minute(heap_pts), 2)} | "
                       f"{fmt(rv[0] if rv else None, 0)} → {fmt(rv[-1] if rv else None, 0)} ({fmt(max(rv) if rv else None, 0)}) | "
                       f"{fmt(av[0] if av else None, 0)} → {fmt(av[-1] if av else None, 0)} ({fmt(max(av) if av else None, 0)}) | "
                       f"{fmt(hv[0] if hv else None, 0)} → {fmt(hv[-1] if hv else None, 0)} |")
        out.append(f"\n({len(kept)} samples after warm-up; a slope needs two, and says little under ten: run "
                   "at least 20 minutes to judge a leak. Heap used is a saw-tooth: judge its slope over many GC cycles.)")
        if st.error_kinds:
            out.append("\n### Errors\n")
            for kind, n in st.error_kinds.most_common(20):
                out.append(f"- {n} × {kind}")
            out.append("\nFirst errors:")
            for e in st.error_samples[:10]:
                out.append(f"- {e[:600]}")
        return "\n".join(out)


# ---- processes and memory ------------------------------------------------------------------------------------

def find_pid(port: int, module: str) -> int | None:
    """The process listening on TCP port {@code port}: /proc/net/tcp*, then ss, then pgrep on the module's jar."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    local, state, inode = parts[1], parts[3], parts[9]
                    if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                        inodes.add(inode)
        except OSError:
            pass
    if inodes:
        targets = {f"socket:[{i}]" for i in inodes}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    if os.readlink(f"/proc/{pid}/fd/{fd}") in targets:
                        return int(pid)
            except OSError:
                continue
    try:
        out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True, text=True, timeout=5).stdout
        m = re.search(r"pid=(\d+)", out)
        if m:
            return int(m.group(1))
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        out = subprocess.run(["pgrep", "-f", f"{module}/target/quarkus-app"], capture_output=True, text=True,
                             timeout=5).stdout.split()
        if len(out) == 1:
            return int(out[0])
    except (OSError, subprocess.SubprocessError):
        pass
    return None


def rss_mb(pid: int, field: str = "VmRSS:") -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


HEAP_LINE = re.compile(r'^jvm_memory_used_bytes\{([^}]*)\}\s+([0-9.eE+-]+)', re.M)


def heap_mb(host: str, management_port: int, pid: int | None) -> tuple[float | None, str | None]:
    """Heap used: the app's Prometheus metrics; for an app without them (web), jstat on its pid."""
    try:
        conn = http.client.HTTPConnection(host, management_port, timeout=5)
        conn.request("GET", "/q/metrics", headers={"Accept": "text/plain"})
        resp = conn.getresponse()
        text = resp.read().decode("utf-8", errors="replace")
        conn.close()
        if resp.status == 200:
            total, found = 0.0, False
            for m in HEAP_LINE.finditer(text):
                if 'area="heap"' in m.group(1):
                    total += float(m.group(2))
                    found = True
            if found:
                return total / (1024 * 1024), f"/q/metrics :{management_port}"
    except (OSError, http.client.HTTPException):
        pass
    if pid:
        try:
            out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True, timeout=20).stdout.split("\n")
            if len(out) >= 2:
                head, vals = out[0].split(), out[1].split()
                used = sum(float(vals[head.index(c)]) for c in ("S0U", "S1U", "EU", "OU") if c in head)
                return used / 1024.0, "jstat -gc (no jvm_memory_used_bytes on /q/metrics)"
        except (OSError, subprocess.SubprocessError, ValueError, IndexError):
            pass
    return None, None


# ---- main ----------------------------------------------------------------------------------------------------

def parse_args(argv=None):
    repo = Path(__file__).resolve().parents[2]
    state = Path(os.environ.get("PUPITRE_STATE_DIR", repo / ".pupitre"))
    p = argparse.ArgumentParser(description="Soak benchmark of a running Pupitre stack, through the gateway.",
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--gateway", default="http://localhost:8080", help="the gateway's URL (the only entry used)")
    p.add_argument("--rate", type=float, default=20, help="total requests per second (fixed, open loop)")
    p.add_argument("--duration", type=int, default=1800, help="seconds of load (warm-up included)")
    p.add_argument("--warmup", type=int, default=60, help="first seconds excluded from latencies and slopes")
    p.add_argument("--secretaries", type=int, default=5)
    p.add_argument("--clients", type=int, default=5)
    p.add_argument("--workers", type=int, default=16, help="threads sending the scheduled requests")
    p.add_argument("--secrets", default=str(state / "secrets.properties"),
                   help="the stack's secrets.properties (admin.email / admin.password)")
    p.add_argument("--engagements-per-client", type=int, default=2,
                   help="engagements each client starts in setup, with as many secretaries")
    p.add_argument("--invitation-limit", type=int, default=20,
                   help="matching's daily invitation limit per client (pupitre.matching.invitations."
                        "daily-limit-per-client); past it, invitation slots post thread messages instead")
    p.add_argument("--feed-delay", type=float, default=30.0,
                   help="seconds after publishing before an offer is invited (matching copies it from the feed)")
    p.add_argument("--token-refresh", type=float, default=600.0,
                   help="seconds after which an access token (15 min) is refreshed")
    p.add_argument("--sample-every", type=float, default=60.0, help="seconds between memory samples")
    p.add_argument("--max-lag", type=float, default=10.0,
                   help="a slot starting this many seconds late is dropped (and counted as an error)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds before a request is given up")
    p.add_argument("--management-host", default=None, help="host of the management ports (default: the gateway's)")
    p.add_argument("--seed", type=int, default=None, help="random seed of the mix")
    p.add_argument("--report", default=None, help="also write the final report (markdown) to this file")
    a = p.parse_args(argv)
    if a.rate <= 0 or a.duration <= 0 or a.warmup < 0 or a.workers < 1 or a.secretaries < 1 or a.clients < 1:
        p.error("rate, duration, workers, secretaries and clients must be positive; warmup not negative")
    if a.warmup >= a.duration:
        p.error("--warmup must be shorter than --duration")
    return a


def main(argv=None) -> int:
    args = parse_args(argv)
    soak = Soak(args)
    socket.setdefaulttimeout(args.timeout)
    t0 = time.monotonic()
    try:
        soak.resolve_pids()
        soak.setup()
    except (Exception, SystemExit) as e:  # noqa: BLE001
        print(f"setup failed: {e!r}", file=sys.stderr)
        for sample in soak.stats.error_samples:
            print(f"  {sample[:500]}", file=sys.stderr)
        return 2
    log(f"setup done in {time.monotonic() - t0:.0f} s")
    soak.run()
    report = soak.report()
    print()
    print(report, flush=True)
    if args.report:
        Path(args.report).write_text(report + "\n", encoding="utf-8")
    errors = soak.stats.total_errors + soak.dropped
    if errors:
        print(f"\nFAILED: {soak.stats.total_errors} errors, {soak.dropped} dropped slots", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
