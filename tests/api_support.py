def results(response):
    """The rows of a paginated API answer, which must have succeeded."""
    assert response.status_code == 200, response.content
    return response.json()["results"]
