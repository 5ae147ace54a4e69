package lab.videofarm.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.swing.event.TableModelEvent;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import org.junit.jupiter.api.Test;

class TimelineTableModelTest {
  private final List<TimelineEvent> all = new ArrayList<>();
  private final TimelineTableModel model = new TimelineTableModel();

  @Test
  void aHundredThousandEventsAppendedInBatchesBecomeOneRowEachWithOneInsertPerBatch() {
    model.reset(all);
    List<TableModelEvent> changes = new ArrayList<>();
    model.addTableModelListener(changes::add);

    for (int batch = 0; batch < 100; batch++) {
      append(1000, Layer.DAEMON);
    }

    assertThat(model.getRowCount()).isEqualTo(100_000);
    assertThat(changes).hasSize(100).allMatch(change -> change.getType() == TableModelEvent.INSERT);
    assertThat(model.event(99_999).sequence()).isEqualTo(100_000);
  }

  @Test
  void aFilterShowsOnlyTheEventsItMatchesAndFiltersNewOnesAsTheyCome() {
    model.reset(all);
    append(10, Layer.DAEMON);
    append(5, Layer.DELEGATE);
    model.setFilter(event -> event.layer() == Layer.DELEGATE);

    append(3, Layer.DELEGATE);
    append(4, Layer.DAEMON);

    assertThat(model.getRowCount()).isEqualTo(8);
    assertThat(model.totalCount()).isEqualTo(22);
    assertThat(model.event(7).sequence()).isEqualTo(18);
    assertThat(model.rowOf(18)).isEqualTo(7);
    assertThat(model.rowOf(19)).isEqualTo(-1);
  }

  @Test
  void theAppsSessionIdentifiersAreShownByTheirLastPart() {
    assertThat(TimelineTableModel.shortSession("lab.videofarm.app.background"))
        .isEqualTo("background");
    assertThat(TimelineTableModel.shortSession("default#2")).isEqualTo("default#2");
  }

  private void append(int count, Layer layer) {
    List<TimelineEvent> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(
          new TimelineEvent(
              all.size() + batch.size() + 1,
              Instant.EPOCH,
              layer,
              1,
              "s",
              7,
              "didWriteData",
              "",
              Severity.INFO));
    }
    all.addAll(batch);
    model.appended(batch);
  }
}
