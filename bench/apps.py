from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's demo volume (generate_demo_data): installed in dev and tests."""

    name = "bench"
    verbose_name = "Benchmark"
