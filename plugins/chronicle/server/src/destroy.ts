const destroy = () => {};

export default destroy;
