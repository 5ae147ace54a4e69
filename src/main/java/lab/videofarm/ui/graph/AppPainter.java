package lab.videofarm.ui.graph;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import lab.videofarm.ui.scene.AppLaunch;
import lab.videofarm.ui.scene.AppRecord;
import lab.videofarm.ui.scene.AppSession;
import lab.videofarm.ui.scene.AppSession.CompletionHandler;
import lab.videofarm.ui.scene.AppStatus;
import lab.videofarm.ui.scene.Scene;

/**
 * The app's side: the latest launch of each app with the objects it built (AppDelegate →
 * VFMAPIClient → URLSession → delegate) and its records, drawn from the archive files after a
 * relaunch. A killed launch fades away; a new one slides in.
 */
final class AppPainter {
  private static final double DEAD_ALPHA = 0.22;

  private final Canvas c;
  private final Anchors anchors;
  private final Animations animations;
  private final Highlight highlight;

  AppPainter(Canvas c, Anchors anchors, Animations animations, Highlight highlight) {
    this.c = c;
    this.anchors = anchors;
    this.animations = animations;
    this.highlight = highlight;
  }

  void paint(Scene scene, Rectangle area) {
    Palette p = c.palette;
    List<AppStatus> apps = scene.apps().values().stream().filter(a -> a.launch() > 0).toList();
    int y = area.y + c.lineHeight(p.title()) - c.gap() / 2;
    String title =
        apps.isEmpty()
            ? "App"
            : String.join(", ", apps.stream().map(AppStatus::shortName).toList()) + " app";
    c.text(title, p.title(), p.text(), area.x, y, area.width);
    y += c.lineHeight(p.small());
    c.text(
        "each launch rebuilds its objects from nothing",
        p.small(),
        p.muted(),
        area.x,
        y,
        area.width);
    y += c.gap() * 2;
    if (apps.isEmpty()) {
      c.text(
          "not launched yet", p.body(), p.muted(), area.x, y + c.lineHeight(p.body()), area.width);
      return;
    }
    int each = (area.y + area.height - y) / apps.size();
    for (AppStatus app : apps) {
      launch(
          scene,
          scene.latestLaunch(app.bundleId()),
          new Rectangle(area.x, y, area.width, each - c.gap()));
      y += each;
    }
  }

  private void launch(Scene scene, AppLaunch launch, Rectangle room) {
    if (launch == null) {
      return;
    }
    double alpha;
    int shift = 0;
    double death = 0;
    if (launch.alive()) {
      alpha = animations.progress(animations.appears.get(launch.number()), Animations.APPEAR_MS);
      shift = (int) Math.round((1 - alpha) * c.gap() * 6);
    } else {
      death = animations.progress(animations.fades.get(launch.number()), Animations.FADE_MS);
      alpha = 1 - (1 - DEAD_ALPHA) * death;
    }
    Composite before = c.g.getComposite();
    c.g.setComposite(AlphaComposite.SrcOver.derive((float) alpha));
    int earlier = c.lineHeight(c.palette.small()) + c.gap();
    Rectangle card = new Rectangle(room.x + shift, room.y, room.width, room.height - earlier);
    card(launch, card);
    c.g.setComposite(before);
    if (!launch.alive()) {
      deadOverlay(launch, card, death);
    }
    earlierLaunches(scene, launch, room.x, room.y + room.height - c.gap() / 2, room.width);
  }

  private void card(AppLaunch launch, Rectangle card) {
    Palette p = c.palette;
    c.box(
        card, p.boxFill(), launch.alive() ? p.accent() : p.boxBorder(), launch.alive() ? 2f : 1.5f);
    int pad = c.gap();
    int x = card.x + pad;
    int inner = card.width - 2 * pad;
    int y = card.y + pad + c.lineHeight(p.bold()) - pad / 3;
    String state = launch.state().name();
    Rectangle chip = c.chipBounds(state, 0, 0);
    c.chip(
        state,
        stateColor(launch),
        card.x + card.width - pad - chip.width,
        y - chip.height + pad / 3,
        true);
    c.text("launch " + launch.number(), p.bold(), p.text(), x, y, inner - chip.width);
    y += c.lineHeight(p.small());
    c.text(subtitle(launch), p.small(), p.muted(), x, y, inner);
    y += pad;
    y = chain(launch, x, y, inner);
    records(launch, new Rectangle(x, y + pad, inner, card.y + card.height - y - 2 * pad));
  }

  /** AppDelegate → VFMAPIClient → URLSession(s) → delegate, top to bottom. Returns the bottom. */
  private int chain(AppLaunch launch, int x, int y, int inner) {
    Palette p = c.palette;
    int boxWidth = (int) (inner * 0.58);
    int line = c.lineHeight(p.body());
    int arrow = c.gap() * 2;
    boolean ready = launch.delegateReady();
    Rectangle delegateBox =
        objectBox("AppDelegate", "", new Rectangle(x, y, boxWidth, line + c.gap()), ready);
    handlerChip(launch, delegateBox);
    y += delegateBox.height + arrow;
    Rectangle client =
        objectBox("VFMAPIClient", "", new Rectangle(x, y, boxWidth, line + c.gap()), ready);
    c.arrow(
        x + boxWidth / 2,
        delegateBox.y + delegateBox.height,
        x + boxWidth / 2,
        client.y - 2,
        p.boxBorder(),
        2f);
    y += client.height + arrow;
    int sessionHeight = line + c.lineHeight(p.small()) + c.gap();
    List<AppSession> sessions = launch.sessions();
    if (sessions.isEmpty()) {
      Rectangle none = new Rectangle(x, y, boxWidth, sessionHeight);
      c.dashedBox(none, p.boxBorder());
      c.text(
          "no URLSession yet", p.body(), p.muted(), x + c.gap(), y + line, boxWidth - 2 * c.gap());
      c.arrow(
          x + boxWidth / 2,
          client.y + client.height,
          x + boxWidth / 2,
          none.y - 2,
          p.boxBorder(),
          2f);
      return none.y + none.height;
    }
    List<AppSession> background = sessions.stream().filter(s -> !s.isDefault()).toList();
    List<AppSession> defaults = sessions.stream().filter(AppSession::isDefault).toList();
    AppSession main =
        background.isEmpty() ? defaults.get(0) : background.get(background.size() - 1);
    Rectangle mainBox = new Rectangle(x, y, boxWidth, sessionHeight);
    sessionBox(launch, main, mainBox);
    c.arrow(
        x + boxWidth / 2,
        client.y + client.height,
        x + boxWidth / 2,
        mainBox.y - 2,
        p.boxBorder(),
        2f);
    y += sessionHeight + arrow;
    Rectangle delegate = new Rectangle(x, y, boxWidth, sessionHeight);
    delegateBox(launch, sessions, delegate);
    c.arrow(
        x + boxWidth / 2,
        mainBox.y + mainBox.height,
        x + boxWidth / 2,
        delegate.y - 2,
        p.boxBorder(),
        2f);
    y += sessionHeight;
    for (AppSession other : sessions) {
      if (other != main && !(other.detached() && launch.alive())) {
        y += c.gap() / 2;
        Rectangle box = new Rectangle(x, y, boxWidth, sessionHeight);
        sessionBox(launch, other, box);
        y += sessionHeight;
      }
    }
    return y;
  }

  private Rectangle objectBox(String name, String note, Rectangle r, boolean exists) {
    Palette p = c.palette;
    if (exists) {
      c.box(r, p.background(), p.boxBorder(), 1.5f);
    } else {
      c.dashedBox(r, p.boxBorder());
    }
    int baseline = r.y + (r.height + c.g.getFontMetrics(p.bold()).getAscent()) / 2 - c.gap() / 6;
    int w =
        c.text(
            name,
            p.bold(),
            exists ? p.text() : p.muted(),
            r.x + c.gap(),
            baseline,
            r.width - 2 * c.gap());
    if (!note.isEmpty()) {
      c.text(
          note, p.small(), p.muted(), r.x + c.gap() * 2 + w, baseline, r.width - w - 3 * c.gap());
    }
    return r;
  }

  private void handlerChip(AppLaunch launch, Rectangle delegateBox) {
    Palette p = c.palette;
    for (AppSession session : launch.sessions()) {
      if (session.handler() == CompletionHandler.NONE) {
        continue;
      }
      boolean called = session.handler() == CompletionHandler.CALLED;
      int x = delegateBox.x + delegateBox.width + c.gap();
      int y = delegateBox.y + (delegateBox.height - c.chipBounds("x", 0, 0).height) / 2;
      Long pulse = animations.pulses.get(launch.number() + ":handler");
      boolean lit = pulse != null && animations.progress(pulse, Animations.PULSE_MS) < 1;
      c.chip(
          called ? "completionHandler() called" : "completionHandler waiting",
          called ? p.good() : p.warn(),
          x,
          y,
          lit);
      return;
    }
  }

  private void sessionBox(AppLaunch launch, AppSession session, Rectangle box) {
    Palette p = c.palette;
    c.box(
        box,
        p.background(),
        session.detached() ? p.boxBorder() : p.accent(),
        session.detached() ? 1.5f : 2f);
    anchors.appSessions.put(Anchors.appSession(launch.number(), session.daemonId()), box);
    int baseline = box.y + c.gap() / 2 + c.g.getFontMetrics(p.bold()).getAscent();
    int w = c.text("URLSession", p.bold(), p.text(), box.x + c.gap(), baseline, box.width);
    c.text(
        session.isDefault() ? "(default)" : "",
        p.small(),
        p.muted(),
        box.x + w + c.gap() * 2,
        baseline,
        box.width);
    String id = session.isDefault() ? session.daemonId() : session.identifier();
    c.text(
        id,
        p.small(),
        p.muted(),
        box.x + c.gap(),
        baseline + c.lineHeight(p.small()),
        box.width - 2 * c.gap());
    if (session.relinked()) {
      int x = box.x + box.width + c.gap();
      int y = box.y + (box.height - c.chipBounds("x", 0, 0).height) / 2;
      c.chip("relinked by identifier", p.accent(), x, y, false);
    }
  }

  private void delegateBox(AppLaunch launch, List<AppSession> sessions, Rectangle box) {
    Palette p = c.palette;
    boolean receiving = !animations.flights.isEmpty();
    c.box(box, p.background(), receiving ? p.warn() : p.boxBorder(), receiving ? 2.5f : 1.5f);
    anchors.delegates.put(launch.number(), box);
    int baseline = box.y + c.gap() / 2 + c.g.getFontMetrics(p.bold()).getAscent();
    int w = c.text("delegate", p.bold(), p.text(), box.x + c.gap(), baseline, box.width);
    c.text(
        "VFMAPIClient",
        p.small(),
        p.muted(),
        box.x + w + c.gap() * 2,
        baseline,
        box.width - w - 3 * c.gap());
    AppSession last =
        sessions.stream()
            .filter(s -> !s.lastDelegateCall().isEmpty())
            .max((a, b) -> Long.compare(a.delegateAt(), b.delegateAt()))
            .orElse(null);
    String call =
        last == null
            ? "no calls yet"
            : last.lastDelegateCall()
                + (last.lastDelegateTask() >= 0 ? " #" + last.lastDelegateTask() : "");
    c.text(
        call,
        p.small(),
        last == null ? p.muted() : p.text(),
        box.x + c.gap(),
        baseline + c.lineHeight(p.small()),
        box.width - 2 * c.gap());
  }

  private void records(AppLaunch launch, Rectangle area) {
    Palette p = c.palette;
    int baseline = area.y + c.lineHeight(p.small()) - c.gap() / 3;
    c.text("records", p.small(), p.muted(), area.x, baseline, area.width);
    int y = baseline + c.gap();
    int line = c.lineHeight(p.bold()) + c.lineHeight(p.small()) + c.gap();
    boolean fromArchive = launch.restoredAny();
    int fileWidth = fromArchive ? c.width("downloads.json", p.bold()) + c.gap() * 3 : 0;
    int recordX = area.x + (fromArchive ? fileWidth + c.gap() * 4 : 0);
    int recordWidth = area.x + area.width - recordX;
    if (launch.records().isEmpty()) {
      c.text(
          "no transfer records",
          p.body(),
          p.muted(),
          area.x,
          y + c.lineHeight(p.body()),
          area.width);
    }
    Map<String, Rectangle> files = new java.util.HashMap<>();
    int fileY = y;
    for (Map.Entry<String, Integer> file : launch.restored().entrySet()) {
      if (file.getValue() > 0) {
        Rectangle r = new Rectangle(area.x, fileY, fileWidth, line);
        archiveFile(file.getKey(), file.getValue(), r);
        files.put(file.getKey(), r);
        fileY += line + c.gap();
      }
    }
    for (AppRecord record : launch.records()) {
      if (y + line > area.y + area.height) {
        break;
      }
      Rectangle box = new Rectangle(recordX, y, recordWidth, line);
      record(record, box);
      Rectangle file = files.get(record.source());
      if (file != null) {
        c.arrow(
            file.x + file.width + 2,
            file.y + file.height / 2,
            box.x - 3,
            box.y + box.height / 2,
            p.warn(),
            2f);
      }
      y += line + c.gap() / 2;
    }
  }

  private void archiveFile(String name, int entries, Rectangle r) {
    Palette p = c.palette;
    c.box(r, p.tint(p.warn(), 0.10), p.warn(), 1.5f);
    int fold = c.gap();
    c.g.setColor(p.warn());
    c.g.drawLine(r.x + r.width - fold, r.y, r.x + r.width, r.y + fold);
    int baseline = r.y + c.gap() / 2 + c.g.getFontMetrics(p.bold()).getAscent();
    c.text(name, p.bold(), p.text(), r.x + c.gap(), baseline, r.width - 2 * c.gap());
    c.text(
        "archive · " + entries + (entries == 1 ? " entry" : " entries"),
        p.small(),
        p.muted(),
        r.x + c.gap(),
        baseline + c.lineHeight(p.small()),
        r.width - 2 * c.gap());
  }

  private void record(AppRecord record, Rectangle box) {
    Palette p = c.palette;
    boolean lit = highlight.isTask(record.taskId());
    c.box(
        box,
        lit ? p.tint(p.accent(), 0.18) : p.background(),
        lit ? p.accent() : p.boxBorder(),
        lit ? 2.5f : 1.5f);
    int baseline = box.y + c.gap() / 2 + c.g.getFontMetrics(p.bold()).getAscent();
    c.text(
        record.kind().className(),
        p.bold(),
        p.text(),
        box.x + c.gap(),
        baseline,
        box.width - 2 * c.gap());
    StringBuilder detail = new StringBuilder();
    if (!record.videoId().isEmpty()) {
      detail.append(record.videoId()).append(" · ");
    }
    if (record.taskId() >= 0) {
      detail.append("task #").append(record.taskId()).append(" · ");
    }
    detail.append(record.state());
    if (record.expected() > 0 && record.state().endsWith("ing")) {
      detail
          .append(" ")
          .append(Math.round(100.0 * record.bytes() / record.expected()))
          .append(" %");
    }
    c.text(
        detail.toString(),
        p.small(),
        p.text(),
        box.x + c.gap(),
        baseline + c.lineHeight(p.small()),
        box.width - 2 * c.gap());
  }

  private void deadOverlay(AppLaunch launch, Rectangle card, double progress) {
    Palette p = c.palette;
    Composite before = c.g.getComposite();
    c.g.setComposite(AlphaComposite.SrcOver.derive((float) progress));
    int mid = card.y + card.height / 2;
    String title = "NOT RUNNING";
    int w = c.width(title, p.title());
    String reason = "launch " + launch.number() + ": " + launch.endReason();
    int plateWidth =
        Math.min(card.width - 2 * c.gap(), Math.max(w, c.width(reason, p.body())) + 4 * c.gap());
    int plateHeight = c.lineHeight(p.title()) + c.lineHeight(p.body()) + 2 * c.gap();
    Rectangle plate =
        new Rectangle(
            card.x + (card.width - plateWidth) / 2,
            mid - c.lineHeight(p.title()) - c.gap(),
            plateWidth,
            plateHeight);
    c.box(plate, p.background(), p.bad(), 2f);
    c.text(title, p.title(), p.bad(), card.x + (card.width - w) / 2, mid, card.width);
    int ww = Math.min(plateWidth, c.width(reason, p.body()));
    c.text(
        reason,
        p.body(),
        p.text(),
        card.x + (card.width - ww) / 2,
        mid + c.lineHeight(p.body()) - c.gap() / 2,
        plateWidth);
    c.g.setComposite(before);
  }

  private void earlierLaunches(Scene scene, AppLaunch latest, int x, int baseline, int width) {
    StringBuilder text = new StringBuilder();
    for (AppLaunch launch : scene.launches().values()) {
      if (launch.bundleId().equals(latest.bundleId()) && launch.number() < latest.number()) {
        text.append(text.length() == 0 ? "earlier: " : "; ");
        text.append("launch ").append(launch.number());
        text.append(launch.alive() ? " running" : " — " + launch.endReason());
      }
    }
    c.text(text.toString(), c.palette.small(), c.palette.muted(), x, baseline, width);
  }

  private static String subtitle(AppLaunch launch) {
    String how = launch.inBackground() ? "launched in the background" : "launched";
    String why =
        switch (launch.reason()) {
          case "USER" -> "by the user";
          case "URL_SESSION_EVENTS" -> "for its URL session's events";
          case "BACKGROUND_FETCH" -> "for a background fetch";
          default -> launch.reason().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    return how + " " + why;
  }

  private Color stateColor(AppLaunch launch) {
    Palette p = c.palette;
    return switch (launch.state()) {
      case FOREGROUND -> p.good();
      case BACKGROUND -> p.accent();
      case SUSPENDED -> p.muted();
      case NOT_RUNNING -> p.bad();
    };
  }
}
