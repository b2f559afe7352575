// placeholder
console.debug('howsocial background');
