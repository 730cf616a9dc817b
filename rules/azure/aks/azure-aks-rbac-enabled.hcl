rule "azure-aks-rbac-enabled" {
  title     = "AKS cluster has Kubernetes RBAC disabled"
  severity  = "high"
  area      = "identity-access"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_5", "AVD-AZU-0042", "azure-container-use-rbac-permissions"]

  description = <<-EOT
    Without Kubernetes role-based access control every authenticated user and service account is
    effectively unrestricted inside the cluster: any pod's token can read secrets in every namespace
    or create privileged workloads. RBAC is also a prerequisite for Entra ID integration and for
    disabling local accounts. AKS runs the control plane, but the authorization model of the cluster
    is chosen by the customer, and it cannot be changed without recreating the cluster.

    `role_based_access_control_enabled` defaults to `true` (azurerm v3 and later), so only an
    explicit `false` is reported. Before v2.99 the setting was the block
    `role_based_access_control { enabled = ... }`; an explicit `enabled = false` there is reported
    too.
  EOT
  remediation = "Remove `role_based_access_control_enabled = false` (or set it to `true`) and recreate the cluster; grant access with Kubernetes RBAC or Azure RBAC roles."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#role_based_access_control_enabled",
    "https://docs.microsoft.com/en-us/azure/aks/concepts-identity",
  ]

  assert {
    attribute "role_based_access_control_enabled" {
      equals  = true
      default = true
    }
    attribute "role_based_access_control.enabled" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "prod" {
        name                = "aks-prod"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aksprod"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }

        role_based_access_control_enabled = false  # expect: azure-aks-rbac-enabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # azurerm before v2.99
      resource "azurerm_kubernetes_cluster" "legacy" {
        name                = "aks-legacy"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "akslegacy"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }

        role_based_access_control {
          enabled = false  # expect: azure-aks-rbac-enabled
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "prod" {
        name                = "aks-prod"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aksprod"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }

        role_based_access_control_enabled = true
      }
    EOT
  }
}
