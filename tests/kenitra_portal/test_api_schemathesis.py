"""Generated requests against the live API, loaded with the Kenitra content.

Every operation in /api/schema/ gets a bounded number of generated requests
(valid and invalid parameters, anonymous writes); no answer may be a server error,
and every answer must pass every check schemathesis has.
"""

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import CHECKS, load_all_checks

pytestmark = pytest.mark.schemathesis

# Enough to reach every parameter of every operation, small enough for CI.
EXAMPLES_PER_OPERATION = 15


@pytest.fixture
def live_api_schema(live_server, settings):
    # Hundreds of requests from one address: the anonymous limit would stop the run.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": None},
    }
    call_command("load_kenitra", verbosity=0)
    return schemathesis.openapi.from_url(f"{live_server.url}/api/schema/?format=json")


def all_checks():
    """Every check schemathesis has, not only those its configuration turns on."""
    load_all_checks()
    return CHECKS.get_all()


def test_api_answers_as_its_schema_says(live_api_schema):
    # Schemathesis' pytest plugin does not run under pytest 9 yet; its Python API
    # with Hypothesis does the same, one operation at a time.
    checks = all_checks()
    assert len(checks) > 10
    failures = {}
    operations = [result.ok() for result in live_api_schema.get_all_operations()]
    assert len(operations) > 20
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def answers_as_documented(case):
            case.call_and_validate(checks=checks)

        # Every operation is tried, and every failing one reported, not just the first.
        try:
            answers_as_documented()
        except Exception as error:
            failures[operation.label] = error
    assert not failures, "\n\n".join(f"{label}: {e}" for label, e in failures.items())
