/**
 * Reading `jitaiEvents.pythonPath`: empty means "not set"; `${workspaceFolder}`, `${userHome}` and
 * a leading `~` are expanded. Pure (no vscode import); pythonInterpreter.ts supplies the values.
 */
export function expandPythonPath(raw: string | undefined, vars: { workspaceFolder?: string; home?: string }): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let out = value
    .replace(/\$\{workspaceFolder\}/g, vars.workspaceFolder ?? '${workspaceFolder}')
    .replace(/\$\{userHome\}/g, vars.home ?? '${userHome}');
  if (vars.home && (out === '~' || out.startsWith('~/') || out.startsWith('~\\'))) out = vars.home + out.slice(1);
  return out;
}

/**
 * Which candidates findPython gets: the setting when set (the Python extension is then not asked,
 * so a broken setting is reported instead of silently falling back), else the extension's
 * interpreter, else nothing (findPython then searches PATH).
 */
export async function interpreterCandidates(
  configured: string | undefined, askPythonExtension: () => Promise<string | undefined>,
): Promise<{ configured?: string; pythonExtensionPath?: string }> {
  if (configured) return { configured };
  const pythonExtensionPath = await askPythonExtension();
  return pythonExtensionPath ? { pythonExtensionPath } : {};
}
