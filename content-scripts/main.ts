// placeholder entry, replaced by the shell work
console.debug('howsocial content script');
