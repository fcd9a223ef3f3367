package sim

import "errors"

// Sentinel errors; the simulation wraps them with a message in AWS's words,
// e.g. fmt.Errorf("%w: Cluster not found.", ErrClusterNotFound).
var (
	ErrClusterNotFound           = errors.New("ClusterNotFoundException")
	ErrServiceNotFound           = errors.New("ServiceNotFoundException")
	ErrTaskNotFound              = errors.New("InvalidParameterException")
	ErrTaskDefinitionNotFound    = errors.New("ClientException")
	ErrContainerInstanceNotFound = errors.New("InvalidParameterException")
	ErrLogGroupNotFound          = errors.New("ResourceNotFoundException")
	ErrLogStreamNotFound         = errors.New("ResourceNotFoundException")
	ErrInvalidParameter          = errors.New("InvalidParameterException")
)
