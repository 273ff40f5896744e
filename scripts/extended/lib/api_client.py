"""One client of the server's HTTP API for the suites and benchmarks (standard library only).

    from api_client import ApiClient, ndjson
    client = ApiClient(port, token)            # one kept-alive connection, as a load client
    client = ApiClient(port, keep_alive=False) # a connection per request: survives restarts
    status, body = client.call("GET", "/healthz")
    status, answer = client.post_articles([{"id": ..., "text": ...}])
    status, ids = client.search_ids("слово", limit=100, collapse=0)

Writes carry `Authorization: Bearer TOKEN` when a token is given; reads carry none.
"""
import http.client
import json
import urllib.parse


def ndjson(articles):
    """Articles as the write API's body: one JSON object a line."""
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)


class ApiClient:
    def __init__(self, port, token="", keep_alive=True, timeout=60):
        self.port, self.token, self.keep_alive, self.timeout = port, token, keep_alive, timeout
        self.conn = None

    def call(self, method, target, body=None):
        """One request: (status, body bytes)."""
        conn = self.conn if self.conn is not None else http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=self.timeout)
        headers = {}
        if self.token and method != "GET":
            headers["Authorization"] = "Bearer " + self.token
        if body is not None:
            headers["Content-Type"] = "application/x-ndjson"
        try:
            conn.request(method, target, body=body.encode() if body is not None else None, headers=headers)
            response = conn.getresponse()
            answer = response.status, response.read()
        except Exception:
            conn.close()
            self.conn = None
            raise
        if self.keep_alive:
            self.conn = conn
        else:
            conn.close()
        return answer

    def post_articles(self, articles):
        """POST /api/articles with a list of articles or a ready NDJSON body."""
        return self.call("POST", "/api/articles", articles if isinstance(articles, str) else ndjson(articles))

    def search(self, q, **params):
        """GET /api/search: (status, body bytes)."""
        return self.call("GET", "/api/search?" + urllib.parse.urlencode(dict(q=q, **params)))

    def search_ids(self, q, **params):
        """The ids of a search's hits: (status, ids), ids empty unless 200."""
        status, body = self.search(q, **params)
        return status, [h["id"] for h in json.loads(body)["hits"]] if status == 200 else []

    def documents(self):
        """The number of documents /healthz reports, or None."""
        status, body = self.call("GET", "/healthz")
        return json.loads(body).get("documents") if status == 200 else None
