// TsSequence.TsEnvironment ($tsenv) driven the way scripts use it: from PowerShell in the
// embedded engine, with the COM object's indexer syntax $e.Value('Name') = 'x'.
import { expect } from 'chai';
import { assertBuilt, environmentDll, lines, runCommand, type HostRun } from './hostProcess.js';

/** Runs `body` with $e = a new TsEnvironment. */
function withTsenv(body: string[]): Promise<HostRun> {
  const loadPath = environmentDll.replace(/'/g, "''");
  return runCommand([`[void][Reflection.Assembly]::LoadFrom('${loadPath}')`, '$e = [TsSequence.TsEnvironment]::new()', ...body].join('\n'));
}

/** PowerShell that prints the innermost message of what `statement` throws, or "no error". */
function thrownMessage(statement: string): string {
  return `$(try { ${statement}; 'no error' } catch { $x = $_.Exception; while ($x.InnerException) { $x = $x.InnerException }; $x.Message })`;
}

/** PowerShell that prints "<Type>: <message>" of what `statement` throws (setter errors come wrapped). */
function thrown(statement: string): string {
  return `try { ${statement}; 'no error' } catch { $x = $_.Exception; while ($x.InnerException) { $x = $x.InnerException }; "$($x.GetType().Name): $($x.Message)" }`;
}

describe('TsSequence.TsEnvironment ($tsenv)', function () {
  this.timeout(120_000);

  before(() => assertBuilt(environmentDll));

  it('treats names case-insensitively and keeps the casing first used', async () => {
    const run = await withTsenv([
      "$e.Value('OSDComputerName') = 'pc1'",
      "$e.Value('osdcomputername')",
      "$e.Value('OSDCOMPUTERNAME') = 'pc2'",
      '$e.GetVariables()',
      "$e.Get('osdComputerName')",
      "$e.Exists('OSDcomputerNAME')",
    ]);
    expect(lines(run.stdout)).to.deep.equal(['pc1', 'OSDComputerName', 'pc2', 'True']);
    expect(run.stderr).to.equal('');
  });

  it('reads "" for an undefined variable through the indexer, $null through Get', async () => {
    const run = await withTsenv(["\"[$($e.Value('Nope'))]\"", "$null -eq $e.Get('Nope')", "$e.Exists('Nope')"]);
    expect(lines(run.stdout)).to.deep.equal(['[]', 'True', 'False']);
  });

  it('refuses user-level sets of "_" names with the read-only message; the engine may set them', async () => {
    const run = await withTsenv([
      thrown("$e.Value('_SMSTSLogPath') = 'x'"),
      thrown("$e.Set('_Other', 'x')"),
      "$e.SetSystem('_SMSTSLogPath', '/var/log')",
      "$e.Value('_SMSTSLogPath')",
    ]);
    expect(lines(run.stdout)).to.deep.equal([
      "InvalidOperationException: Variable '_SMSTSLogPath' is read-only: names starting with '_' are set by the task sequence engine.",
      "InvalidOperationException: Variable '_Other' is read-only: names starting with '_' are set by the task sequence engine.",
      '/var/log',
    ]);
  });

  it('validates names: a letter first, letters/digits/_/- only, 1-256 characters, spaces trimmed', async () => {
    const run = await withTsenv([
      thrown("$e.Value('1Abc') = 'x'"),
      thrown("$e.Value('Has Space') = 'x'"),
      thrown("$e.Value('') = 'x'"),
      thrown("$e.Value('A' * 257) = 'x'"),
      thrown("$e.Value('A' * 256) = 'ok'"),
      "$e.Value('  Trimmed-Name_2  ') = 'v'",
      '$e.GetVariables() -join ","',
    ]);
    const out = lines(run.stdout);
    expect(out[0]).to.match(/^ArgumentException: .*'1Abc'.*start with a letter/);
    expect(out[1]).to.match(/^ArgumentException: .*'Has Space'.*letters, digits/);
    expect(out[2]).to.match(/^ArgumentException: .*1 to 256/);
    expect(out[3]).to.match(/^ArgumentException: .*1 to 256/);
    expect(out[4]).to.equal('no error');
    expect(out[5]).to.equal(`${'A'.repeat(256)},Trimmed-Name_2`);
  });

  it('deletes on "" or $null (clearing the secret mark); Remove and SetSystem("") delete "_" names', async () => {
    const run = await withTsenv([
      "$e.Value('A') = 'x'; $e.MarkSecret('A'); $e.Value('A') = ''",
      "\"A exists=$($e.Exists('A')) secret=$($e.IsSecret('A'))\"",
      "$e.Set('B', 'y'); $e.Set('B', $null); \"B exists=$($e.Exists('B'))\"",
      "$e.SetSystem('_C', 'z'); $e.SetSystem('_C', ''); \"_C exists=$($e.Exists('_C'))\"",
      "$e.SetSystem('_D', 'z'); $e.Remove('_d'); \"_D exists=$($e.Exists('_D'))\"",
      '"count=$($e.GetVariables().Count)"',
    ]);
    expect(lines(run.stdout)).to.deep.equal(['A exists=False secret=False', 'B exists=False', '_C exists=False', '_D exists=False', 'count=0']);
  });

  it('lists names sorted ignoring case, and snapshots with a case-insensitive comparer', async () => {
    const run = await withTsenv([
      "$e.Value('beta') = '2'; $e.Value('Alpha') = '1'; $e.Value('GAMMA') = '3'",
      '$e.GetVariables() -join ","',
      '$s = $e.Snapshot(); $s["ALPHA"] + $s["Beta"] + $s["gamma"]',
      "$s['Alpha'] = 'changed'; $e.Value('Alpha')",
    ]);
    expect(lines(run.stdout)).to.deep.equal(['Alpha,beta,GAMMA', '123', '1']);
  });

  describe('Expand', () => {
    it('replaces defined %NAME%, keeps undefined ones, turns %% into % and leaves stray % alone', async () => {
      const run = await withTsenv([
        "$e.Value('Name') = 'pc1'; $e.SetSystem('_SMSTSMachine', 'm1')",
        "$e.Expand('host=%Name% m=%_SMSTSMachine% u=%Undefined% pct=100%% odd=50% bad=%1x% sp=%a b%')",
        "$e.Expand('%%Name%%')",
        "$e.Expand('%Undefined%Name%')",
      ]);
      expect(lines(run.stdout)).to.deep.equal([
        'host=pc1 m=m1 u=%Undefined% pct=100% odd=50% bad=%1x% sp=%a b%',
        '%Name%',
        '%Undefinedpc1',
      ]);
    });

    it('is single-pass: a substituted value is never expanded again', async () => {
      const run = await withTsenv([
        "$e.Value('Inner') = 'deep'",
        "$e.Value('Outer') = '%Inner%'",
        "$e.Value('Self') = '%Self%!'",
        "$e.Expand('%Outer% %Self%')",
        "$e.Value('Pct') = '%%'",
        "$e.Expand('[%Pct%]')",
      ]);
      expect(lines(run.stdout)).to.deep.equal(['%Inner% %Self%!', '[%%]']);
    });

    it('expands a 1 MB string quickly', async () => {
      const run = await withTsenv([
        "$e.Value('V') = 'value'",
        "$text = ('%V% 100%% %Nope% ' * 60000) + ('%' * 100000)",
        '$watch = [Diagnostics.Stopwatch]::StartNew()',
        '$out = $e.Expand($text)',
        '$watch.Stop()',
        '"in=$($text.Length) out=$($out.Length)"',
        '$watch.ElapsedMilliseconds',
      ]);
      const [sizes, ms] = lines(run.stdout);
      // Each '%V% 100%% %Nope% ' becomes 'value 100% %Nope% '; the run of '%' halves ('%%' → '%').
      const chunkIn = '%V% 100%% %Nope% '.length;
      const chunkOut = 'value 100% %Nope% '.length;
      expect(sizes).to.equal(`in=${60000 * chunkIn + 100000} out=${60000 * chunkOut + 50000}`);
      expect(Number(ms)).to.be.lessThan(1000);
    });
  });

  describe('secrets', () => {
    it('masks every secret value in text, longest first, and in MaskedSnapshot', async () => {
      const run = await withTsenv([
        "$e.Value('Pw') = 'abc'; $e.MarkSecret('Pw')",
        "$e.Value('Long') = 'abcdef'; $e.MarkSecret('LONG')",
        "$e.Value('Plain') = 'abc-plain'",
        "$e.Mask('x abcdef y abc z abc')",
        '$m = $e.MaskedSnapshot(); $m["pw"] + "|" + $m["Long"] + "|" + $m["Plain"]',
        "$e.Snapshot()['Pw']",
        '$e.GetSecretNames() -join ","',
        '$e.IsSecret("pw")',
        "[TsSequence.TsEnvironment]::MaskText",
      ]);
      expect(lines(run.stdout)).to.deep.equal([
        'x ******** y ******** z ********',
        '********|********|abc-plain',
        'abc',
        'Long,Pw',
        'True',
        '********',
      ]);
    });
  });

  describe('secret values (grow-only)', () => {
    it('keeps masking a secret after its variable is deleted or changed', async () => {
      const run = await withTsenv([
        "$e.Value('Pw') = 'hunter2'; $e.MarkSecret('Pw')",
        "$echoed = 'login with hunter2 ok'",
        "$e.Value('Pw') = ''",
        '$e.Mask($echoed)',
        "$e.Value('Key') = 'first-key'; $e.MarkSecret('Key')",
        "$e.Value('Key') = 'second-key'",
        "$e.SetSystem('Key', 'third-key')",
        "$e.Mask('first-key second-key third-key')",
        "$e.Remove('Key')",
        "$e.Mask('first-key second-key third-key')",
      ]);
      expect(lines(run.stdout)).to.deep.equal(['login with ******** ok', '******** ******** ********', '******** ******** ********']);
      expect(run.stderr).to.equal('');
    });

    it('records values stored while the mark lasts, not after a delete cleared it', async () => {
      const run = await withTsenv([
        // Marked before it has a value: the first value stored is secret.
        "$e.MarkSecret('Later'); $e.Value('Later') = 'late-secret'",
        // Deleting clears the mark; the name's next value is plain, the old one stays masked.
        "$e.Value('Later') = ''; $e.Value('Later') = 'now-plain'",
        "\"secret=$($e.IsSecret('Later'))\"",
        "$e.Mask('late-secret now-plain')",
        '$m = $e.MaskedSnapshot(); $m["Later"]',
        "$e.Value('Still') = 'still-secret'; $e.MarkSecret('Still'); $e.MaskedSnapshot()['Still']",
      ]);
      expect(lines(run.stdout)).to.deep.equal(['secret=False', '******** now-plain', 'now-plain', '********']);
    });

    it('AddSecretValue masks values that are not variables, ignoring "" and $null', async () => {
      const run = await withTsenv([
        "$e.Mask('P@ssw0rd!')",
        "$e.AddSecretValue('P@ssw0rd!'); $e.AddSecretValue(''); $e.AddSecretValue($null)",
        "$e.Mask('net use /user:admin P@ssw0rd! and P@ssw0rd!')",
        "$e.Mask('nothing secret here')",
        '"names=$($e.GetSecretNames().Count) vars=$($e.GetVariables().Count)"',
      ]);
      expect(lines(run.stdout)).to.deep.equal(['P@ssw0rd!', 'net use /user:admin ******** and ********', 'nothing secret here', 'names=0 vars=0']);
    });

    it('LongestSecretLength is 0 without secrets and grows with the longest value ever secret', async () => {
      const run = await withTsenv([
        '$e.LongestSecretLength',
        "$e.Value('Plain') = 'a-long-plain-value'; $e.LongestSecretLength",
        "$e.AddSecretValue('12345'); $e.LongestSecretLength",
        "$e.Value('S') = '1234567890'; $e.MarkSecret('S'); $e.LongestSecretLength",
        "$e.Value('S') = ''; $e.AddSecretValue('xy'); $e.LongestSecretLength",
      ]);
      expect(lines(run.stdout)).to.deep.equal(['0', '0', '5', '10', '10']);
    });

    it('hides overlapping and nested secrets whole and never re-masks the mask text', async () => {
      const run = await withTsenv([
        "$e.AddSecretValue('abcd'); $e.AddSecretValue('cdef'); $e.AddSecretValue('bc')",
        "$e.Mask('x abcdef y abcd z bc')",
        "$e.Mask('abcdabcd')",
        "$e.AddSecretValue('*')",
        "$e.Mask('a*b abcd')",
      ]);
      expect(lines(run.stdout)).to.deep.equal([
        'x ******** y ******** z ********',
        '****************',
        'a********b ********',
      ]);
    });
  });

  describe('GetNameProblem', () => {
    const cases: [string, string][] = [
      ['Good', "'Good'"],
      ['trimmed', "'  Trimmed-Name_2  '"],
      ['max', "('A' * 256)"],
      ['readonly', "'_SMSTSInWinPE'"],
      ['digit', "'1Abc'"],
      ['space', "'Has Space'"],
      ['empty', "''"],
      ['null', '$null'],
      ['long', "('A' * 257)"],
      ['dash', "'-x'"],
    ];

    it('is $null for settable names, else exactly the message the setter throws', async () => {
      const run = await withTsenv(
        cases.map(
          ([label, name]) =>
            `$p = [TsSequence.TsEnvironment]::GetNameProblem(${name}); $t = ${thrownMessage(`$e.Value(${name}) = 'x'`)}; ` +
            `"${label}|$(if ($null -eq $p) { '<null>' } else { $p })|$(if ($null -eq $p) { $t -eq 'no error' } else { $t -eq $p })"`,
        ),
      );
      const out = lines(run.stdout).map((line) => line.split('|'));
      expect(out.map(([label]) => label)).to.deep.equal(cases.map(([label]) => label));
      // Every problem matches the setter's message, and valid names set without error.
      expect(out.map(([, , same]) => same)).to.deep.equal(cases.map(() => 'True'));
      const problem = Object.fromEntries(out.map(([label, text]) => [label, text]));
      expect(problem.Good).to.equal('<null>');
      expect(problem.trimmed).to.equal('<null>');
      expect(problem.max).to.equal('<null>');
      expect(problem.readonly).to.equal("Variable '_SMSTSInWinPE' is read-only: names starting with '_' are set by the task sequence engine.");
      expect(problem.digit).to.equal("Variable name '1Abc' is not valid: a name must start with a letter.");
      expect(problem.space).to.equal("Variable name 'Has Space' is not valid: use only letters, digits, '_' and '-'.");
      expect(problem.empty).to.equal("Variable name '' is not valid: a name has 1 to 256 characters.");
      expect(problem.null).to.equal("Variable name '' is not valid: a name has 1 to 256 characters.");
      expect(problem.long).to.match(/^Variable name 'A{257}' is not valid: a name has 1 to 256 characters\.$/);
      expect(problem.dash).to.equal("Variable name '-x' is not valid: a name must start with a letter.");
    });
  });

  describe('TsEnvironmentView (what scripts get as $tsenv)', () => {
    it('reads, writes and deletes through Value() like the COM object, onto the environment', async () => {
      const run = await withTsenv([
        '$tsenv = [TsSequence.TsEnvironmentView]::new($e)',
        "$e.SetSystem('_SMSTSInWinPE', 'false')",
        "$tsenv.Value('OSDComputerName') = 'pc1'",
        "$e.Value('osdcomputername')",
        "\"[$($tsenv.Value('Undefined'))]\"",
        "$tsenv.Value('_SMSTSInWinPE')",
        '$tsenv.GetVariables() -join ","',
        "$tsenv.Value('OSDComputerName') = ''",
        "\"exists=$($e.Exists('OSDComputerName'))\"",
        '"$tsenv"',
      ]);
      expect(lines(run.stdout)).to.deep.equal(['pc1', '[]', 'false', 'OSDComputerName,_SMSTSInWinPE', 'exists=False', 'TsSequence task sequence environment']);
      expect(run.stderr).to.equal('');
    });

    it('refuses "_" and invalid names with the environment\'s exceptions', async () => {
      const run = await withTsenv([
        '$tsenv = [TsSequence.TsEnvironmentView]::new($e)',
        thrown("$tsenv.Value('_SMSTSInWinPE') = 'true'"),
        thrown("$tsenv.Value('1bad') = 'x'"),
        "\"count=$($e.GetVariables().Count)\"",
        thrown('[TsSequence.TsEnvironmentView]::new($null)'),
      ]);
      expect(lines(run.stdout)).to.deep.equal([
        "InvalidOperationException: Variable '_SMSTSInWinPE' is read-only: names starting with '_' are set by the task sequence engine.",
        "ArgumentException: Variable name '1bad' is not valid: a name must start with a letter.",
        'count=0',
        "ArgumentNullException: Value cannot be null. (Parameter 'environment')",
      ]);
    });

    it('does not expose the engine-only members: PowerShell reports them as not found', async () => {
      const calls = ["SetSystem('_SMSTSInWinPE', 'true')", "Remove('A')", 'Snapshot()', 'MaskedSnapshot()', "MarkSecret('A')", "Set('A', 'x')", "Get('A')", "Expand('%A%')"];
      const run = await withTsenv([
        "$e.Value('A') = 'real-secret'; $e.MarkSecret('A')",
        '$tsenv = [TsSequence.TsEnvironmentView]::new($e)',
        ...calls.map((call) => {
          const label = call.replace(/'/g, "''");
          return `try { $null = $tsenv.${call}; '${label}: reachable' } catch { '${label}: ' + $_.FullyQualifiedErrorId }`;
        }),
        '"_SMSTSInWinPE=[$($e.Value(\'_SMSTSInWinPE\'))]"',
        // Its declared public surface, by reflection: the indexer, GetVariables and ToString only.
        "([TsSequence.TsEnvironmentView].GetMembers([Reflection.BindingFlags]'Public,Instance,Static,DeclaredOnly') | ForEach-Object { $_.Name }) -join ','",
      ]);
      const out = lines(run.stdout);
      expect(out.slice(0, calls.length)).to.deep.equal(calls.map((call) => `${call}: MethodNotFound`));
      expect(out[calls.length]).to.equal('_SMSTSInWinPE=[]');
      expect(out[calls.length + 1].split(',').sort()).to.deep.equal(['.ctor', 'GetVariables', 'ToString', 'Value', 'get_Value', 'set_Value'].sort());
    });
  });
});
