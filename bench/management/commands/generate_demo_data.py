"""A realistic volume of content, in Arabic, French and English, for benchmarks and demos.

Rows are written with bulk_create, so what `save()` would compute (search document, a
proposal's reference and fingerprint, publication dates) is computed here. Every
generated slug starts with "demo-", which is how `--replace` finds them again.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from bench.demo.generator import Generator
from bench.demo.rows import PREFIX
from consultations.models import (
    Document,
    Meeting,
    Organization,
    Person,
)
from core.pagecache import bump_page_cache_version
from projects.models import (
    Axis,
    Program,
    Project,
)
from workshops.models import (
    Proposal,
    Workshop,
)

# What grows with --scale; a city keeps its few programs and axes whatever its size.
SCALED = ("projects", "meetings", "workshops", "proposals")


class Command(BaseCommand):
    help = (
        "Generate a realistic volume of demo content (programs, axes, projects with "
        "milestones and updates, meetings with participants and documents, "
        "workshops, proposals) in Arabic, French and English, reproducible from "
        "--seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--programs", type=int, default=3)
        parser.add_argument("--axes", type=int, default=12)
        parser.add_argument("--projects", type=int, default=2000)
        parser.add_argument("--meetings", type=int, default=500)
        parser.add_argument("--workshops", type=int, default=1000)
        parser.add_argument("--proposals", type=int, default=20000)
        parser.add_argument(
            "--scale",
            type=float,
            default=1,
            help="Multiply the projects, meetings, workshops and proposals by this "
            "(the programs and axes stay): --scale 5 is the benchmark's 5× volume.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete demo content generated earlier, then generate it anew.",
        )

    def handle(self, *args, **options):
        counts = {
            name: options[name]
            for name in (
                "programs",
                "axes",
                "projects",
                "meetings",
                "workshops",
                "proposals",
            )
        }
        for name in SCALED:
            counts[name] = round(counts[name] * options["scale"])
        _check(counts)
        if Program.objects.filter(slug__startswith=PREFIX).exists():
            if not options["replace"]:
                raise CommandError(
                    "Demo content is already in this database; run again with "
                    "--replace to delete it and generate it anew."
                )
            delete_demo_content()
        generator = Generator(
            options["seed"], counts, show_progress=options["verbosity"] > 0
        )
        with transaction.atomic():
            created = generator.run()
        # bulk_create sends no signal: cached pages must go now.
        bump_page_cache_version()
        if connection.vendor == "postgresql":
            # Autovacuum would gather the new rows' statistics, and mark their pages
            # visible to all for index-only scans, only minutes later: until then
            # the planner takes tables of thousands of rows for empty ones, and a
            # benchmark run at once would measure plans no served database has.
            # VACUUM cannot run in a transaction (a caller's, a test's): ANALYZE can.
            with connection.cursor() as cursor:
                cursor.execute(
                    "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
                )
        if options["verbosity"]:
            for model, number in created.items():
                self.stdout.write(f"{number:>7} {model._meta.verbose_name_plural}")


def _check(counts):
    negative = [name for name, number in counts.items() if number < 0]
    if negative:
        raise CommandError(f"Counts cannot be negative: {', '.join(negative)}.")
    needs = [
        ("axes", "programs"),
        ("projects", "axes"),
        ("workshops", "meetings"),
        ("proposals", "axes"),
    ]
    for what, parent in needs:
        if counts[what] and not counts[parent]:
            raise CommandError(f"--{what} needs at least one of --{parent}.")
    if counts["axes"] and counts["axes"] < counts["programs"]:
        raise CommandError("Every program needs an axis: --axes >= --programs.")


def delete_demo_content():
    demo = {"slug__startswith": PREFIX}
    documents = Document.objects.filter(meeting__slug__startswith=PREFIX)
    files = [(d.file.storage, d.file.name) for d in documents if d.file]
    Proposal.objects.filter(axis__slug__startswith=PREFIX).delete()
    Workshop.objects.filter(**demo).delete()
    Meeting.objects.filter(**demo).delete()
    Person.objects.filter(**demo).delete()
    Organization.objects.filter(**demo).delete()
    Project.objects.filter(**demo).delete()
    Axis.objects.filter(**demo).delete()
    Program.objects.filter(**demo).delete()
    for storage, name in files:
        storage.delete(name)
