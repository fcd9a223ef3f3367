package ui

// New builds the App on the resource views: the clusters view at the root
// and, when opts.Cluster is set, that cluster's services on top of it.
func New(opts Options) *App { return newApp(opts, resourceViews()) }

// resourceViews wires the App to the resource views (view_*.go): the
// start screen and the `:` commands build them through this factory.
func resourceViews() viewFactory {
	return viewFactory{
		clusters:  func(ctx *Context) View { return NewClustersView(ctx) },
		services:  func(ctx *Context, cluster string) View { return NewServicesView(ctx, cluster) },
		tasks:     func(ctx *Context, cluster, service string) View { return NewTasksView(ctx, cluster, service) },
		instances: func(ctx *Context, cluster string) View { return NewContainerInstancesView(ctx, cluster) },
	}
}
