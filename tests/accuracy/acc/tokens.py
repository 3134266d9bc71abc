"""Deterministic fake credentials with the shapes of real ones, and the near misses beside them.

None of these values is a working credential: they are drawn from the generator's seeded random
source. GitHub tokens carry the real CRC32 checksum so that a checksum-aware detector accepts them.
"""

import base64
import binascii
import hashlib
import json
import string

ALNUM = string.ascii_letters + string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
URLSAFE = ALNUM + "-_"


def _b62(n, width):
    s = ""
    while n:
        n, r = divmod(n, 62)
        s = B62[r] + s
    return s.rjust(width, "0")


class Tokens:
    def __init__(self, rng):
        self.rng = rng

    def rand(self, n, alphabet=ALNUM):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def github(self, prefix="ghp_"):
        body = self.rand(30)
        return prefix + body + _b62(binascii.crc32(body.encode()) & 0xFFFFFFFF, 6)

    def github_pat(self):
        return "github_pat_" + self.rand(22) + "_" + self.rand(59)

    def anthropic(self):
        return "sk-ant-api03-" + self.rand(93, URLSAFE) + "AA"

    def openai(self):
        return "sk-proj-" + self.rand(74, URLSAFE) + "T3BlbkFJ" + self.rand(74, URLSAFE)

    def openai_legacy(self):
        return "sk-" + self.rand(20) + "T3BlbkFJ" + self.rand(20)

    def aws_key_id(self):
        return "AKIA" + self.rand(16, string.ascii_uppercase + "234567")

    def aws_secret(self):
        return self.rand(40, ALNUM + "/+")

    def slack_bot(self):
        return "xoxb-%d-%d-%s" % (self.rng.randrange(10**11, 10**12),
                                   self.rng.randrange(10**12, 10**13), self.rand(24))

    def google(self):
        return "AIza" + self.rand(35, URLSAFE)

    def stripe(self):
        return "sk_live_" + self.rand(99)

    def jwt(self):
        def seg(obj):
            return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")
        head = seg({"alg": "HS256", "typ": "JWT"})
        body = seg({"sub": self.rand(12), "iat": self.rng.randrange(1700000000, 1800000000),
                    "scope": "mcp:tools"})
        sig = base64.urlsafe_b64encode(hashlib.sha256(self.rand(32).encode()).digest()).decode().rstrip("=")
        return head + "." + body + "." + sig

    def password(self, n=24):
        return self.rand(n, ALNUM + "!#%^*-_")

    def url_password(self, n=20):
        """A password that needs no percent-encoding inside a URL."""
        return self.rand(n, ALNUM + "-_")

    def generic(self, n=40):
        return self.rand(n, string.hexdigits.lower()[:16])

    def known(self, kind):
        return {
            "github": self.github, "github_pat": self.github_pat, "anthropic": self.anthropic,
            "openai": self.openai, "openai_legacy": self.openai_legacy, "aws": self.aws_key_id,
            "slack": self.slack_bot, "google": self.google, "stripe": self.stripe, "jwt": self.jwt,
        }[kind]()

    def uuid(self):
        h = self.rand(32, "0123456789abcdef")
        return "%s-%s-4%s-a%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:32])

    def sha(self, n=40):
        return self.rand(n, "0123456789abcdef")

    def date(self):
        return "2026-%02d-%02dT%02d:%02d:%02d.%06dZ" % (
            self.rng.randrange(1, 13), self.rng.randrange(1, 29), self.rng.randrange(24),
            self.rng.randrange(60), self.rng.randrange(60), self.rng.randrange(10**6))


# Values under secret-sounding names that are not secrets (item 2 of issue 13).
PLACEHOLDERS = [
    "<your-token>", "<YOUR_API_KEY>", "your-api-key-here", "changeme", "anything", "xxxxxxxxxxxxxxxx",
    "REPLACE_ME", "TODO", "sk-...", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "********",
    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "your_token_here",
]
