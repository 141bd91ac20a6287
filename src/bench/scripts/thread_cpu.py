#!/usr/bin/env python3
"""Runs a command and reports the CPU time of its process by thread group (JIT, GC, workers, merges...) and how
busy it kept the cores over time, read from /proc/PID/task/*/stat every 0.2 s (the last reading of a thread that
ends between polls is lost: at most 0.2 s of it). Usage: thread_cpu.py [--timeline] -- command args..."""
import os, re, subprocess, sys, time

def groups(name):
    for pattern, group in [(r'C2 Compiler', 'JIT: C2'), (r'C1 Compiler', 'JIT: C1'),
                           (r'^(GC Thread|G1 |GC |VM Periodic|ParGC|PSYoung)', 'collector'),
                           (r'^G1', 'collector'), (r'Lucene Merge', 'Lucene merge threads'),
                           (r'^pool-\d+-thread', 'indexing workers'), (r'^(main|java)$', 'main thread'),
                           (r'VM Thread', 'VM thread'), (r'JFR|Flight', 'JFR')]:
        if re.search(pattern, name):
            return group
    return 'other: ' + name

def main():
    args = sys.argv[1:]
    timeline = False
    if args and args[0] == '--timeline':
        timeline, args = True, args[1:]
    if args and args[0] == '--':
        args = args[1:]
    tick = os.sysconf('SC_CLK_TCK')
    start = time.time()
    proc = subprocess.Popen(args)
    seen = {}   # tid -> (name, ticks)
    pids = {proc.pid}
    samples = []
    while proc.poll() is None:
        # bin/kensaku execs java, so the pid stays the same; a child java (a driver) is followed too
        for pid in list(pids):
            try:
                for tid in os.listdir(f'/proc/{pid}/task'):
                    try:
                        with open(f'/proc/{pid}/task/{tid}/stat') as f:
                            data = f.read()
                    except OSError:
                        continue
                    name = data[data.index('(') + 1:data.rindex(')')]
                    fields = data[data.rindex(')') + 2:].split()
                    seen[(pid, tid)] = (name, int(fields[11]) + int(fields[12]))
            except OSError:
                pass
        samples.append((time.time() - start, sum(t for _, t in seen.values())))
        time.sleep(0.2)
    wall = time.time() - start
    by_group = {}
    for name, ticks in seen.values():
        by_group[groups(name)] = by_group.get(groups(name), 0) + ticks
    total = sum(by_group.values())
    print(f'--- threads: {total / tick:.1f} s CPU over {wall:.1f} s wall ({total / tick / wall:.2f} cores busy on average)',
          file=sys.stderr)
    for group, ticks in sorted(by_group.items(), key=lambda kv: -kv[1]):
        print(f'{ticks / tick:8.1f} s  {100.0 * ticks / max(total, 1):5.1f}%  {group}', file=sys.stderr)
    if timeline:
        last_t, last_ticks = 0.0, 0
        for t, ticks in samples:
            if t - last_t >= 5:
                print(f'  {t:6.1f} s: {(ticks - last_ticks) / tick / (t - last_t):.2f} cores', file=sys.stderr)
                last_t, last_ticks = t, ticks
    sys.exit(proc.returncode)

main()
