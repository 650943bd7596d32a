// The tracer's task table against std::unordered_map: the same tasks found after any sequence of
// insertions and erasures (collisions, wrap-around, growth), references that outlive other tasks'
// comings and goings, and iteration that sees every task once.
#include "tracer/TaskTable.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <set>
#include <unordered_map>
#include <vector>

using syscope::tracer_detail::TaskTable;

namespace {

struct Item {
    pid_t tid = 0;
    int value = 0;
    std::vector<int> payload; // a member that owns memory, as a task's pending strings do
};

// Every key of `oracle` is found with its value, no other key is, and iteration agrees.
void expectSame(TaskTable<Item>& table, const std::unordered_map<pid_t, int>& oracle,
                const std::vector<pid_t>& absent) {
    QCOMPARE(table.size(), oracle.size());
    QCOMPARE(table.empty(), oracle.empty());
    for (const auto& [tid, value] : oracle) {
        Item* item = table.find(tid);
        QVERIFY2(item != nullptr, qPrintable(QStringLiteral("tid %1 lost").arg(tid)));
        QCOMPARE(item->tid, tid);
        QCOMPARE(item->value, value);
    }
    for (const pid_t tid : absent) {
        if (!oracle.count(tid)) {
            QVERIFY2(table.find(tid) == nullptr,
                     qPrintable(QStringLiteral("tid %1 found").arg(tid)));
        }
    }
    std::multiset<pid_t> seen;
    for (Item& item : table) {
        seen.insert(item.tid);
    }
    QCOMPARE(seen.size(), oracle.size());
    for (const auto& [tid, value] : oracle) {
        QCOMPARE(seen.count(tid), std::size_t(1));
    }
}

} // namespace

class TestTaskTable : public QObject {
    Q_OBJECT
private slots:
    void emptyTable() {
        TaskTable<Item> table;
        QVERIFY(table.empty());
        QVERIFY(table.find(1) == nullptr);
        table.erase(1); // nothing to erase: no effect
        QVERIFY(!(table.begin() != table.end()));
    }

    void insertFindErase() {
        TaskTable<Item> table;
        auto [item, inserted] = table.tryEmplace(42);
        QVERIFY(inserted);
        item->tid = 42;
        item->value = 7;
        auto [again, insertedAgain] = table.tryEmplace(42);
        QVERIFY(!insertedAgain);
        QCOMPARE(again, item);
        QCOMPARE(table[42].value, 7);
        table.erase(42);
        QVERIFY(table.find(42) == nullptr);
        QVERIFY(table.empty());
    }

    void recycledStorageStartsFresh() {
        // A task that ends leaves its storage to the next one, which must not see its values.
        TaskTable<Item> table;
        Item& first = table[100];
        first.tid = 100;
        first.value = 5;
        first.payload = {1, 2, 3};
        table.erase(100);
        auto [next, inserted] = table.tryEmplace(101);
        QVERIFY(inserted);
        QCOMPARE(next->value, 0);
        QCOMPARE(next->tid, 0);
        QVERIFY(next->payload.empty());
    }

    void referencesSurviveOtherTasks() {
        // onNewTask holds the parent's task while it adds the child; a thread's task is held
        // while its siblings end. Growth and erasure must not move a task.
        TaskTable<Item> table;
        Item& parent = table[1000];
        parent.tid = 1000;
        parent.value = 1;
        for (pid_t tid = 1001; tid < 1600; ++tid) {
            Item& child = table[tid];
            child.tid = tid;
            child.value = tid;
            if (tid % 3 == 0) {
                table.erase(tid - 1);
            }
        }
        QCOMPARE(&parent, table.find(1000));
        QCOMPARE(parent.value, 1);
    }

    void matchesUnorderedMap_data() {
        QTest::addColumn<int>("pattern");
        QTest::newRow("consecutive tids (a fork loop)") << 0;
        QTest::newRow("random tids") << 1;
        QTest::newRow("tids that share a home slot") << 2;
    }
    void matchesUnorderedMap() {
        QFETCH(int, pattern);
        std::mt19937 random(20261127 + pattern);
        TaskTable<Item> table;
        std::unordered_map<pid_t, int> oracle;
        std::vector<pid_t> used;
        pid_t nextTid = 5000;
        auto newTid = [&]() -> pid_t {
            switch (pattern) {
            case 0:
                return nextTid++;
            case 1:
                return pid_t(random() % 4'000'000 + 1);
            default:
                // Multiples of a power of two far larger than the table: Fibonacci hashing must
                // still spread them, and where they meet, probing and backward shifts are tested.
                return pid_t((random() % 2000 + 1) << 16);
            }
        };
        for (int step = 0; step < 20000; ++step) {
            const int action = int(random() % 10);
            if (action < 5 || oracle.empty()) {
                const pid_t tid = newTid();
                auto [item, inserted] = table.tryEmplace(tid);
                QCOMPARE(inserted, oracle.count(tid) == 0);
                if (inserted) {
                    item->tid = tid;
                }
                item->value = step;
                oracle[tid] = step;
                used.push_back(tid);
            } else if (action < 9) {
                // Erase a live task (the oldest in a fork loop, a random one otherwise).
                auto it = oracle.begin();
                if (pattern == 0) {
                    it = std::min_element(oracle.begin(), oracle.end());
                } else {
                    std::advance(it, random() % oracle.size());
                }
                table.erase(it->first);
                oracle.erase(it);
            } else {
                // Erasing an absent tid changes nothing; erasing one twice neither.
                if (const pid_t absent = newTid(); !oracle.count(absent)) {
                    table.erase(absent);
                }
                oracle.erase(used.back());
                table.erase(used.back());
            }
            if (step % 997 == 0) {
                expectSame(table, oracle, used);
            }
        }
        expectSame(table, oracle, used);
        table.clear();
        QVERIFY(table.empty());
        expectSame(table, {}, used);
    }
};

QTEST_APPLESS_MAIN(TestTaskTable)
#include "tst_tasktable.moc"
