// Module hooks that let Node load TimelineJS3's sources as its bundler
// does: its imports leave out the ".js", and its package does not say
// that its sources are ES modules.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    if (specifier.startsWith('.') && !specifier.endsWith('.js')) {
      return next(specifier + '.js', context);
    }
    throw err;
  }
}

export async function load(url, context, next) {
  if (url.includes('/@knight-lab/timelinejs/src/')) {
    return next(url, { ...context, format: 'module' });
  }
  return next(url, context);
}
