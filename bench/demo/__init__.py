"""The demo volume of generate_demo_data: its words, its row writer, its content."""
