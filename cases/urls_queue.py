"""The hall queue's staff screens, under /staff/queue/ (cases/views/queue.py)."""

from django.urls import path

from cases.views import queue

urlpatterns = [
    path("queue/", queue.panel, name="queue-panel"),
    path("queue/issue/", queue.issue, name="queue-issue"),
    path("queue/board/", queue.board, name="queue-board"),
    path("queue/report/", queue.report, name="queue-report"),
    path("queue/tickets/<int:pk>/slip/", queue.slip, name="queue-slip"),
    path("queue/tickets/<int:pk>/redirect/", queue.redirect_ticket, name="queue-redirect"),
    path("queue/tickets/<int:pk>/<slug:name>/", queue.act, name="queue-act"),
]
