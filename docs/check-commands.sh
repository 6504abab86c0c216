#!/usr/bin/env bash
# Every documented command runs as written.
#
# Finds the shell commands documented in README.md, examples/*/README.md, camel-upbit-starter/README.md,
# benchmarks/README.md and docs/*.md (indented code lines, and lines of fenced blocks that are unlabelled or
# bash/sh/shell, starting with ./mvnw, mvn, java, curl, cd, echo or export; a trailing "\" joins the next line), and
# runs each from the repository root with a time bound. A long-running app passes when its marker line appears and it
# then stops cleanly on SIGINT to its process group. Also checks that a new project depending on the installed
# artifacts runs README's first route (see "New-project check" below). The table of what to do with each command is
# classify(): a new documented command that it does not know runs as a plain command in the full run only.
#
# Needs bash, coreutils, setsid and curl (grep and sed: Debian Essential). Works as root.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=0.1.0-SNAPSHOT
CAMEL_VERSION=4.22.0
LOG4J_VERSION=2.25.4
STOP_GRACE=20          # seconds an app gets to exit after SIGINT
BUILD_LIMIT=300        # a build, and the silent build part of an app command (-q: its first line is the app's)
START_LIMIT=120        # an app, from its first output line to its marker

usage() {
    cat <<EOF
Usage: docs/check-commands.sh [--list | --quick] [--no-install] [--only REGEX]

Runs every shell command documented in the READMEs and docs/*.md from the repository root, with a time bound, and
prints PASS / FAIL / SKIP for each, why, its first meaningful output line, its time, and a summary table.

  --list        print every command found and how it would be treated (run or skip, and why); runs nothing
  --quick       only the quick set (under ~2 min each on a warm Maven repository): the install, the example demos
                but the Kafka one (the live dashboard with its curl, the Spring Boot app in its three ways), the
                standalone simulator if documented, and the new-project check; the benchmarks, the Kafka demo and
                the browser screenshot are SKIP ("slow: full run only")
  (no flag)     the full set
  --no-install  do not run the install first (README's "./mvnw -q install -DskipTests", else the same with -B;
                it counts as that documented command's result). The new-project check (a Maven project in a
                temporary directory outside the repository, on camel-upbit, camel-upbit-test and camel-main only) and
                the benchmark commands without -am use what ~/.m2 holds, so without it they test the last install
  --only REGEX  run only the commands (and checks) whose text matches REGEX (bash =~); the others are not listed

Exit status: 0 when nothing FAILed, 1 otherwise, 2 for a bad option. Logs stay in the directory printed at the start.
EOF
}

MODE=full
INSTALL=1
ONLY=""
while (($#)); do
    case $1 in
        --list) MODE=list ;;
        --quick) MODE=quick ;;
        --no-install) INSTALL=0 ;;
        --only) ONLY=${2:?--only needs a REGEX}; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

# ---------------------------------------------------------------------------------------------------------------
# Finding the commands

DOCS=(README.md examples/*/README.md camel-upbit-starter/README.md benchmarks/README.md docs/*.md)
CMDS=()      # distinct commands, in document order
SRCS=()      # where each is documented: "file:line file:line"

add_command() { # command source
    local i
    for i in "${!CMDS[@]}"; do
        # the same command documented twice (README.md and the example's README) is run once
        if [[ ${CMDS[i]} == "$1" ]]; then SRCS[i]+=" $2"; return; fi
    done
    CMDS+=("$1")
    SRCS+=("$2")
}

is_command() { [[ $1 =~ ^(\./mvnw|mvn[[:space:]]|java[[:space:]]|curl[[:space:]]|cd[[:space:]]|echo[[:space:]]|export[[:space:]]) ]]; }

# Markdown, as far as commands go: fenced blocks (only unlabelled and shell ones hold commands: a ```java block's
# indented lines are code), and indented code blocks (4 spaces or a tab, after a blank line or another code line).
scan_doc() { # file (relative to ROOT)
    local file=$1 line n=0 fence=0 lang="" prev_ok=1 code pending="" pending_src=""
    while IFS= read -r line || [[ -n $line ]]; do
        n=$((n + 1))
        if [[ $line =~ ^[[:space:]]*\`\`\`([A-Za-z]*) ]]; then
            if ((fence)); then fence=0; else fence=1; lang=${BASH_REMATCH[1]}; fi
            prev_ok=0
            continue
        fi
        code=""
        if ((fence)); then
            [[ $lang == "" || $lang == bash || $lang == sh || $lang == shell ]] && code=$line
        elif [[ $line =~ ^(\ {4}|$'\t')(.*)$ ]] && ((prev_ok)); then
            code=${BASH_REMATCH[2]}
        fi
        if ((!fence)); then
            if [[ -z ${line//[[:space:]]/} ]]; then prev_ok=1
            elif [[ -z $code ]]; then prev_ok=0
            fi
        fi
        code=${code#"${code%%[![:space:]]*}"}          # leading blanks (continuation lines are indented more)
        if [[ -n $pending ]]; then
            pending+=" $code"
        elif [[ -n $code ]] && is_command "$code"; then
            pending=$code
            pending_src="$file:$n"
        else
            continue
        fi
        if [[ $pending == *\\ ]]; then
            pending=${pending%\\}
            pending=${pending%"${pending##*[![:space:]]}"}
        else
            add_command "$pending" "$pending_src"
            pending=""
        fi
    done <"$ROOT/$file"
}

# ---------------------------------------------------------------------------------------------------------------
# What to do with each command: kept explicit, keyed by a pattern of the command. Sets
#   KIND    app (long-running: PASS when MARKER appears, then it must stop on SIGINT), finite (PASS on exit 0 and,
#           if set, output matching EXPECT), after (runs while the app whose ALONG names it runs), skip
#   QUICK   1 when it is in the quick set
#   WHY     what it shows, or why it is skipped
#   ALONG   an app's companions: the commands matching this regex run while it runs
#   PORT    a port the command listens on: FAIL at once when something else holds it
#   RUNCMD  what is run: the command itself, except where WHY says otherwise
classify() { # command
    local cmd=$1
    KIND=finite QUICK=0 WHY="" MARKER="" EXPECT="" ALONG="" PORT="" RUNCMD=$cmd LIMIT=$BUILD_LIMIT
    case $cmd in
        *.live=true* | 'export CAMEL_COMPONENT_UPBIT_'*)
            KIND=skip WHY="needs the real Upbit (network, keys)" ;;
        './mvnw -B verify' | './mvnw -B verify -Pbrowser')
            KIND=skip WHY="CI runs it (.ci/run)" ;;
        *'-pl examples/market-watch -am package exec:java')
            KIND=app QUICK=1 MARKER='^market +price' WHY="prints the ticker table" ;;
        *'-pl examples/live-dashboard -am package exec:java')
            KIND=app QUICK=1 MARKER='Dashboard on http://' PORT=8080 ALONG='^curl http://127\.0\.0\.1:8080/'
            WHY="logs 'Dashboard on http://'; the curl below runs meanwhile" ;;
        'curl http://127.0.0.1:8080/api/ticker/'*)
            KIND=after QUICK=1 EXPECT='"code" *: *"KRW-' WHY="runs while the live dashboard runs; must answer a ticker" ;;
        *'-pl examples/yaml-routes -am package exec:java')
            KIND=app QUICK=1 MARKER=': SUBSCRIBED' WHY="the connection route logs SUBSCRIBED" ;;
        './mvnw -q install -DskipTests' | './mvnw -B -q install -DskipTests')
            KIND=setup QUICK=1 WHY="installs every module into ~/.m2" ;;
        *'-pl examples/spring-boot-signals -am package exec:java' | *'-pl examples/spring-boot-signals spring-boot:run')
            KIND=app QUICK=1 MARKER='Signals on KRW-' PORT=8080 WHY="logs 'Signals on KRW-BTC ... from the simulator'" ;;
        'java -jar examples/spring-boot-signals/target/'*)
            KIND=app QUICK=1 MARKER='Signals on KRW-' PORT=8080 WHY="the jar the commands before it built; logs 'Signals on KRW-BTC'" ;;
        *'-pl examples/spring-boot-signals -am install')
            QUICK=1 WHY="installs the example and its modules (for spring-boot:run and java -jar after it)" ;;
        *'-pl examples/kafka-gateway -am package exec:java')
            KIND=app MARKER='gateway summary' WHY="logs the first 'gateway summary' (after 5 s)" ;;
        'java -jar camel-upbit-test/target/'* | *'-pl camel-upbit-test'*exec:java*)
            KIND=app QUICK=1 MARKER='listening (on|at) ws://' WHY="the standalone simulator prints 'listening on ws://...'" ;;
        'java -cp <classpath>'*)
            KIND=skip WHY="a deployment sketch: placeholder <classpath>, a Kafka broker at kafka:9092" ;;
        *'-Dtest=DashboardBrowserTest'*)
            if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
                # as written it overwrites the committed picture: the check writes it to its own directory
                RUNCMD=${cmd//'$PWD/examples/live-dashboard/live-dashboard.png'/$WORK/live-dashboard.png}
                LIMIT=$((BUILD_LIMIT + START_LIMIT)) WHY="headless Chromium; the picture goes to the log directory, not over live-dashboard.png"
            else
                KIND=skip WHY="needs chromium and chromedriver on PATH"
            fi ;;
        *'/path/to/libasyncProfiler.so'*)
            KIND=skip WHY="placeholder /path/to/libasyncProfiler.so (async-profiler is not installed here)" ;;
        'echo '*' > /sys/kernel/mm/damon/'*)
            KIND=skip WHY="switches the host's DAMON reclaim (root, gives memory back to the host): by hand only" ;;
        *-Dtest=SoakTest*)
            KIND=skip WHY="a 30-minute soak (-Dsoak.minutes=30): by hand only" ;;
        *'-pl benchmarks'*exec:exec* | *'-pl benchmarks'*-Pbench* | 'cd benchmarks && java '*)
            # JMH's first measured iteration, or the first end-to-end line with --skip-jmh: it has started measuring
            KIND=app MARKER='^(Iteration +1:|\[e2e\] )' WHY="stopped after its first result line" ;;
        './mvnw -B -q -pl benchmarks -am package -DskipTests')
            WHY="builds the benchmarks (for the JMH command after it)" ;;
        *)
            WHY="not in the table: run as a plain command, full run only" ;;
    esac
    return 0
}

# ---------------------------------------------------------------------------------------------------------------
# Running a command in its own process group, so that SIGINT reaches Maven, the app and any JVM it forked

CUR_PGID=""

launch() { # command log; sets CUR_PGID, RC_FILE
    local pidfile=$WORK/pgid.$RANDOM$RANDOM
    RC_FILE=$WORK/rc.$RANDOM$RANDOM
    # a background job of a script without job control is no group leader, so setsid does not fork: the bash it
    # starts leads the new session and process group, and records its pid (= the group id) and the command's status
    (cd "$ROOT" && exec setsid bash -c 'echo $$ >"$1"; bash -c "$2" </dev/null; echo $? >"$3"' _ \
        "$pidfile" "$1" "$RC_FILE") >"$2" 2>&1 &
    LAUNCH_PID=$!
    local waited=0
    until [[ -s $pidfile ]]; do
        sleep 0.1
        waited=$((waited + 1))
        ((waited < 100)) || { echo "setsid did not start" >>"$2"; CUR_PGID=""; return 1; }
    done
    CUR_PGID=$(<"$pidfile")
}

group_alive() { # pgid: true while a process (not a zombie) of the group is left
    local f s rest fields
    for f in /proc/[0-9]*/stat; do
        { read -r s <"$f"; } 2>/dev/null || continue
        rest=${s##*) }
        read -r -a fields <<<"$rest"
        [[ ${fields[0]} != Z && ${fields[2]} == "$1" ]] && return 0
    done
    return 1
}

wait_gone() { # pgid seconds: true when the group is gone in time
    local deadline=$((SECONDS + $2))
    while group_alive "$1"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
}

kill_group() { # pgid: TERM, then KILL
    kill -TERM -- "-$1" 2>/dev/null || true
    wait_gone "$1" 10 || kill -KILL -- "-$1" 2>/dev/null || true
    wait_gone "$1" 5 || true
}

reap() { # the group's leader is this script's child: collect it
    wait "$LAUNCH_PID" 2>/dev/null || true
    CUR_PGID=""
}

on_exit() {
    if [[ -n $CUR_PGID ]] && group_alive "$CUR_PGID"; then kill_group "$CUR_PGID"; fi
}
trap on_exit EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

# lines that say nothing: blank, JVM and Maven chatter
meaningful() { grep -vE '^[[:space:]]*$|^WARNING: |^Download(ing|ed) |^Progress |^\[INFO\] *$|^OpenJDK .*warning' "$1" || true; }

first_line() { # log [regex]: the first meaningful line (matching regex if given), shortened
    local l
    if [[ -n ${2:-} ]]; then l=$(meaningful "$1" | grep -m1 -E -- "$2" || true); else l=$(meaningful "$1" | head -n1); fi
    l=${l//$'\r'/}
    [[ -n $l ]] || l="(no output)"
    printf '%s' "${l:0:160}"
}

failure_line() { # log: the line that says why, else the last meaningful one
    local l
    l=$(meaningful "$1" | grep -m1 -E 'ERROR|Exception|FAILURE|BUILD FAILURE|error:|No language|[Ff]ailed' || true)
    [[ -n $l ]] || l=$(meaningful "$1" | tail -n1)
    l=${l//$'\r'/}
    [[ -n $l ]] || l="(no output)"
    printf '%s' "${l:0:200}"
}

ERR_AFTER_SIGNAL='(^|[^A-Za-z])ERROR([^A-Za-z]|$)|^[[:space:]]+at [[:alnum:]_$.]+\(|^Caused by: |^Exception in thread'

# RESULT, REASON, OUTPUT are set by the runners
run_finite() { # command log limit expect
    local cmd=$1 log=$2 limit=$3 expect=$4 deadline rc
    launch "$cmd" "$log" || { RESULT=FAIL REASON="could not start" OUTPUT=$(first_line "$log"); return; }
    deadline=$((SECONDS + limit))
    until [[ -s $RC_FILE ]]; do
        if ((SECONDS >= deadline)); then
            kill_group "$CUR_PGID"
            reap
            RESULT=FAIL REASON="did not finish within ${limit}s" OUTPUT=$(failure_line "$log")
            return
        fi
        # killed from outside: its status file never comes
        if ! group_alive "$CUR_PGID"; then sleep 1; [[ -s $RC_FILE ]] || echo "killed" >"$RC_FILE"; fi
        sleep 0.5
    done
    wait_gone "$CUR_PGID" 10 || kill_group "$CUR_PGID"
    reap
    rc=$(<"$RC_FILE")
    if [[ $rc != 0 ]]; then
        RESULT=FAIL REASON="exit status $rc" OUTPUT=$(failure_line "$log")
    elif [[ -n $expect ]] && ! grep -qE -- "$expect" "$log"; then
        RESULT=FAIL REASON="exit 0 but no output matching /$expect/" OUTPUT=$(first_line "$log")
    else
        RESULT=PASS REASON="exit 0${expect:+, output matches /$expect/}" OUTPUT=$(first_line "$log" "$expect")
    fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

run_app() { # index log: start, wait for the marker, run companions, SIGINT, check the stop
    local i=$1 log=$2 deadline offset j stopped_in t0 after
    if [[ -n $PORT ]] && port_busy "$PORT"; then
        RESULT=FAIL REASON="port $PORT is already in use before the start" OUTPUT=""
        return
    fi
    launch "$RUNCMD" "$log" || { RESULT=FAIL REASON="could not start" OUTPUT=$(first_line "$log"); return; }
    # the build part is silent (-q): up to BUILD_LIMIT for the first line, then START_LIMIT from it to the marker
    deadline=$((SECONDS + BUILD_LIMIT))
    local first_seen=0
    until grep -qE -- "$MARKER" "$log"; do
        if ((!first_seen)) && [[ -s $log ]]; then first_seen=1 deadline=$((SECONDS + START_LIMIT)); fi
        if [[ -s $RC_FILE ]] || ! group_alive "$CUR_PGID"; then
            sleep 1
            RESULT=FAIL REASON="exited (status $(cat "$RC_FILE" 2>/dev/null || echo '?')) before '$MARKER'"
            OUTPUT=$(failure_line "$log")
            kill_group "$CUR_PGID"
            reap
            return
        fi
        if ((SECONDS >= deadline)); then
            kill_group "$CUR_PGID"
            reap
            RESULT=FAIL REASON="no '$MARKER' $( ((first_seen)) && echo "${START_LIMIT}s after its first line" || echo "and no output within ${BUILD_LIMIT}s")" OUTPUT=$(failure_line "$log")
            return
        fi
        sleep 1
    done
    local started_at=$((SECONDS - T_START))
    OUTPUT=$(first_line "$log" "$MARKER")
    # the commands documented to follow this one, while it runs (a second, as a reader takes to type them)
    if [[ -n $ALONG ]]; then
        sleep 1
        for j in "${!CMDS[@]}"; do
            [[ ${CMDS[j]} =~ $ALONG ]] || continue
            local save=("$KIND" "$QUICK" "$WHY" "$MARKER" "$EXPECT" "$ALONG" "$PORT" "$RUNCMD" "$LIMIT" "$OUTPUT")
            local pg=$CUR_PGID lp=$LAUNCH_PID
            classify "${CMDS[j]}"
            t0=$SECONDS
            run_finite "${CMDS[j]}" "$WORK/cmd-$j.log" 30 "$EXPECT"
            R_RESULT[j]=$RESULT R_REASON[j]="$REASON (while #$((i + 1)) ran)" R_OUTPUT[j]=$OUTPUT R_SECS[j]=$((SECONDS - t0))
            CUR_PGID=$pg LAUNCH_PID=$lp
            KIND=${save[0]} QUICK=${save[1]} WHY=${save[2]} MARKER=${save[3]} EXPECT=${save[4]} ALONG=${save[5]}
            PORT=${save[6]} RUNCMD=${save[7]} LIMIT=${save[8]} OUTPUT=${save[9]}
        done
    fi
    offset=$(stat -c %s "$log")
    t0=$SECONDS
    kill -INT -- "-$CUR_PGID" 2>/dev/null || true
    if wait_gone "$CUR_PGID" "$STOP_GRACE"; then
        stopped_in=$((SECONDS - t0))
        reap
        after=$(tail -c +"$((offset + 1))" "$log" | grep -m1 -E -- "$ERR_AFTER_SIGNAL" || true)
        if [[ -n $after ]]; then
            RESULT=FAIL REASON="started in ${started_at}s, but printed an error after SIGINT: ${after:0:160}"
        else
            RESULT=PASS REASON="started in ${started_at}s ('$MARKER'), stopped ${stopped_in}s after SIGINT"
        fi
    else
        kill_group "$CUR_PGID"
        reap
        RESULT=FAIL REASON="started in ${started_at}s, but still running ${STOP_GRACE}s after SIGINT (killed)"
    fi
}

# ---------------------------------------------------------------------------------------------------------------
# New-project check: what a new user gets from README.md. A Maven project outside the repository that depends only on
# camel-upbit, camel-main (Camel's BOM imported), camel-upbit-test (to start the simulator) and log4j-slf4j2-impl,
# with README's first route copied from its first ```java block. It must start the route against the simulator and
# see the simulator receive the subscription. Nothing is added that README does not say a user needs.

NEW_PROJECT="new project: README's first route on camel-upbit + camel-main (io.camelupbit:*:$VERSION from ~/.m2)"

readme_route() { # prints README.md's first ```java block
    local line in=0
    while IFS= read -r line; do
        if ((in)); then [[ $line == '```'* ]] && return 0; printf '%s\n' "$line"
        elif [[ $line == '```java'* ]]; then in=1
        fi
    done <"$ROOT/README.md"
}

write_new_project() { # dir
    local dir=$1 route
    route=$(readme_route)
    # the check follows README: fail loudly when its first block is no longer the route this check was written for
    if [[ $route != *'class Watch extends RouteBuilder'* || $route != *'from("upbit:ticker?codes=KRW-BTC,KRW-ETH")'* ]]; then
        echo "README.md's first \`\`\`java block is no longer the Watch route; update docs/check-commands.sh" >&2
        return 1
    fi
    mkdir -p "$dir/src/main/java/check" "$dir/src/main/resources"
    { echo 'package check;'; echo; echo 'import org.apache.camel.builder.RouteBuilder;'; echo; echo "$route"; } \
        >"$dir/src/main/java/check/Watch.java"
    cat >"$dir/src/main/java/check/NewUserApp.java" <<'EOF'
package check;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;

import io.camelupbit.test.ReceivedMessage;
import io.camelupbit.test.UpbitSimulator;

/** README's route on Camel Main against the simulator: exits 0 once the route runs and the simulator got its subscription. */
public final class NewUserApp {
    public static void main(String[] args) throws Exception {
        UpbitSimulator simulator = UpbitSimulator.builder().seed(7).build().start();
        Main main = new Main();
        main.configure().addRoutesBuilder(new Watch());
        Properties initial = new Properties();
        initial.setProperty("camel.component.upbit.url", simulator.url());
        initial.setProperty("camel.component.upbit.rest-url", simulator.restUrl());
        main.setInitialProperties(initial);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                main.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "new-user-main");
        runner.start();
        String subscription = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && failure.get() == null && runner.isAlive()) {
            CamelContext context = main.getCamelContext();
            List<ReceivedMessage> received = simulator.subscribeMessages();
            if (context != null && context.isStarted() && !context.getRoutes().isEmpty() && !received.isEmpty()
                    && allStarted(context)) {
                subscription = received.get(0).text();
                break;
            }
            Thread.sleep(100);
        }
        main.completed();
        runner.join(30_000);
        simulator.close();
        Throwable t = failure.get();
        if (t != null) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.out.println("NEW-PROJECT-FAILED: " + root.getClass().getName() + ": " + root.getMessage());
            System.exit(1);
        }
        if (subscription == null) {
            System.out.println("NEW-PROJECT-FAILED: no started route with a subscription at the simulator within 60 s");
            System.exit(1);
        }
        System.out.println("NEW-PROJECT-OK: the route started and the simulator got " + subscription);
        System.exit(0);
    }

    private static boolean allStarted(CamelContext context) {
        for (Route route : context.getRoutes()) {
            if (context.getRouteController().getRouteStatus(route.getRouteId()) != ServiceStatus.Started) {
                return false;
            }
        }
        return true;
    }
}
EOF
    cat >"$dir/src/main/resources/log4j2.properties" <<'EOF'
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = out
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5level %c{1} - %msg%n
EOF
    # plugin versions pinned to the ones the repository's build already fetched: the check needs no network
    cat >"$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
    <modelVersion>4.0.0</modelVersion>
    <groupId>check</groupId>
    <artifactId>new-user</artifactId>
    <version>1</version>
    <properties>
        <maven.compiler.release>17</maven.compiler.release>
        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    </properties>
    <dependencyManagement>
        <dependencies>
            <dependency>
                <groupId>org.apache.camel</groupId>
                <artifactId>camel-bom</artifactId>
                <version>$CAMEL_VERSION</version>
                <type>pom</type>
                <scope>import</scope>
            </dependency>
        </dependencies>
    </dependencyManagement>
    <dependencies>
        <dependency>
            <groupId>io.camelupbit</groupId>
            <artifactId>camel-upbit</artifactId>
            <version>$VERSION</version>
        </dependency>
        <dependency>
            <groupId>org.apache.camel</groupId>
            <artifactId>camel-main</artifactId>
        </dependency>
        <dependency>
            <groupId>io.camelupbit</groupId>
            <artifactId>camel-upbit-test</artifactId>
            <version>$VERSION</version>
        </dependency>
        <dependency>
            <groupId>org.apache.logging.log4j</groupId>
            <artifactId>log4j-slf4j2-impl</artifactId>
            <version>$LOG4J_VERSION</version>
            <scope>runtime</scope>
        </dependency>
    </dependencies>
    <build>
        <plugins>
            <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
            <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
            <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.3</version></plugin>
            <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
            <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.9.0</version></plugin>
        </plugins>
    </build>
</project>
EOF
}

run_new_project() { # log
    local dir=$WORK/new-project
    if ! write_new_project "$dir" 2>"$1"; then
        RESULT=FAIL REASON="README.md changed" OUTPUT=$(first_line "$1")
        return
    fi
    # compile with the repository's wrapper, then run on the resolved classpath (plain java: its exit status counts)
    run_finite "'$ROOT/mvnw' -B -q -f '$dir/pom.xml' package dependency:build-classpath -Dmdep.outputFile='$dir/cp.txt' \
&& java -cp \"$dir/target/classes:\$(cat '$dir/cp.txt')\" check.NewUserApp" "$1" "$BUILD_LIMIT" '^NEW-PROJECT-OK'
    if [[ $RESULT == PASS ]]; then
        OUTPUT=$(first_line "$1" '^NEW-PROJECT-OK')
    else
        local why
        why=$(grep -m1 -E '^NEW-PROJECT-FAILED' "$1" || true)
        [[ -n $why ]] && OUTPUT=${why:0:200}
    fi
}

# ---------------------------------------------------------------------------------------------------------------

main() {
    local f i
    for f in "${DOCS[@]}"; do
        [[ -f $ROOT/$f ]] && scan_doc "$f"
    done
    WORK=$(mktemp -d /tmp/check-commands.XXXXXX)

    # the items: the documented commands, then the new-project check
    local -a ITEMS=("${!CMDS[@]}")
    local np=${#CMDS[@]}
    declare -g -a R_RESULT=() R_REASON=() R_OUTPUT=() R_SECS=()

    if [[ $MODE == list ]]; then
        echo "Documented commands ($((${#CMDS[@]})) distinct), as --quick and the full run treat them:"
        for i in "${ITEMS[@]}"; do
            [[ -z $ONLY || ${CMDS[i]} =~ $ONLY ]] || continue
            classify "${CMDS[i]}"
            local how
            case $KIND in
                skip) how="SKIP: $WHY" ;;
                setup) how="RUN finite, first (quick+full; SKIP with --no-install): $WHY" ;;
                after) how="RUN alongside its app ($([[ $QUICK == 1 ]] && echo quick+full || echo full)), 30s: $WHY" ;;
                app) how="RUN app ($([[ $QUICK == 1 ]] && echo quick+full || echo 'full only; --quick: SKIP slow: full run only')), marker /$MARKER/: $WHY" ;;
                *) how="RUN $KIND ($([[ $QUICK == 1 ]] && echo quick+full || echo 'full only; --quick: SKIP slow: full run only')), ${LIMIT}s: $WHY" ;;
            esac
            printf '#%-2d %s\n    %s\n    from %s\n' "$((i + 1))" "${CMDS[i]}" "$how" "${SRCS[i]# }"
        done
        if [[ -z $ONLY || $NEW_PROJECT =~ $ONLY ]]; then
            printf '#%-2d %s\n    RUN finite (quick+full), %ss: a Maven project in a temp dir, README.md'"'"'s first ```java block\n' \
                "$((np + 1))" "[check] $NEW_PROJECT" "$BUILD_LIMIT"
        fi
        local k=0
        for i in "${ITEMS[@]}"; do classify "${CMDS[i]}"; [[ $KIND == setup ]] && k=1; done
        ((k)) || echo "Before running: ./mvnw -B -q install -DskipTests (the setup step; not with --no-install)"
        rm -rf "$WORK"
        return 0
    fi

    echo "check-commands: mode $MODE, logs in $WORK"
    local T0=$SECONDS
    # the setup step: the documented install command (README.md), else the same with -B; everything after it may use
    # what it installed (the new-project check, the benchmark commands without -am)
    local setup="" install_line=""
    for i in "${ITEMS[@]}"; do
        classify "${CMDS[i]}"
        [[ $KIND == setup ]] && { setup=$i; break; }
    done
    if ((INSTALL)); then
        local install_cmd="./mvnw -B -q install -DskipTests"
        [[ -z $setup ]] || install_cmd=${CMDS[setup]}
        printf '[setup] %s\n' "$install_cmd"
        T_START=$SECONDS
        run_finite "$install_cmd" "$WORK/install.log" 900 ""
        printf '      %s (%s s) %s%s\n      log: %s\n' "$RESULT" "$((SECONDS - T_START))" "$REASON" \
            "${OUTPUT:+ | $OUTPUT}" "$WORK/install.log"
        [[ $RESULT == PASS ]] || echo "      (the new-project check and the benchmark commands without -am see what ~/.m2 held before)"
        if [[ -n $setup ]]; then
            R_RESULT[setup]=$RESULT R_REASON[setup]="run as the setup step: $REASON" R_OUTPUT[setup]=$OUTPUT
            R_SECS[setup]=$((SECONDS - T_START))
        else
            install_line=$(printf '%-4s %5ss  %s' "$RESULT" "$((SECONDS - T_START))" "[setup] $install_cmd")
        fi
    elif [[ -n $setup ]]; then
        R_RESULT[setup]=SKIP R_REASON[setup]="--no-install" R_OUTPUT[setup]="" R_SECS[setup]=0
    fi

    for i in "${ITEMS[@]}"; do
        [[ -z $ONLY || ${CMDS[i]} =~ $ONLY ]] || continue
        classify "${CMDS[i]}"
        printf '\n[#%d] %s\n' "$((i + 1))" "${CMDS[i]}"
        T_START=$SECONDS
        if [[ -n ${R_RESULT[i]:-} ]]; then
            :   # already run: as the setup step, or alongside its app
        elif [[ $KIND == skip ]]; then
            R_RESULT[i]=SKIP R_REASON[i]=$WHY R_OUTPUT[i]="" R_SECS[i]=0
        elif [[ $MODE == quick && $QUICK != 1 ]]; then
            R_RESULT[i]=SKIP R_REASON[i]="slow: full run only" R_OUTPUT[i]="" R_SECS[i]=0
        elif [[ $KIND == after ]]; then
            R_RESULT[i]=SKIP R_REASON[i]="its app did not run (it runs only alongside it)" R_OUTPUT[i]="" R_SECS[i]=0
        else
            if [[ $KIND == app ]]; then
                run_app "$i" "$WORK/cmd-$i.log"
            else
                run_finite "$RUNCMD" "$WORK/cmd-$i.log" "$LIMIT" "$EXPECT"
            fi
            R_RESULT[i]=$RESULT R_REASON[i]=$REASON R_OUTPUT[i]=$OUTPUT R_SECS[i]=$((SECONDS - T_START))
        fi
        printf '      %s (%s s) %s\n' "${R_RESULT[i]}" "${R_SECS[i]}" "${R_REASON[i]}"
        [[ -z ${R_OUTPUT[i]} ]] || printf '      output: %s\n' "${R_OUTPUT[i]}"
        [[ ${R_RESULT[i]} == SKIP ]] || printf '      log: %s\n' "$WORK/cmd-$i.log"
    done

    if [[ -z $ONLY || $NEW_PROJECT =~ $ONLY ]]; then
        printf '\n[#%d] %s\n' "$((np + 1))" "[check] $NEW_PROJECT"
        T_START=$SECONDS
        run_new_project "$WORK/new-project.log"
        R_RESULT[np]=$RESULT R_REASON[np]=$REASON R_OUTPUT[np]=$OUTPUT R_SECS[np]=$((SECONDS - T_START))
        CMDS[np]="[check] $NEW_PROJECT"
        printf '      %s (%s s) %s\n      output: %s\n      log: %s (project: %s)\n' "$RESULT" "${R_SECS[np]}" \
            "$REASON" "$OUTPUT" "$WORK/new-project.log" "$WORK/new-project"
        ITEMS+=("$np")
    fi

    echo
    echo "Summary ($MODE):"
    printf '%-4s %6s  %s\n' result secs command
    [[ -z $install_line ]] || echo "$install_line"
    local failed=0 pass=0 skip=0
    for i in "${ITEMS[@]}"; do
        [[ -n ${R_RESULT[i]:-} ]] || continue
        printf '%-4s %5ss  #%d %s\n' "${R_RESULT[i]}" "${R_SECS[i]}" "$((i + 1))" "${CMDS[i]:0:110}"
        case ${R_RESULT[i]} in FAIL) failed=$((failed + 1)) ;; PASS) pass=$((pass + 1)) ;; *) skip=$((skip + 1)) ;; esac
    done
    [[ ${install_line:0:4} != FAIL ]] || failed=$((failed + 1))
    echo "$pass passed, $failed failed, $skip skipped in $((SECONDS - T0)) s; logs in $WORK"
    ((failed == 0))
}

main
