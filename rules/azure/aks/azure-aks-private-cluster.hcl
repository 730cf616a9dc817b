rule "azure-aks-private-cluster" {
  title     = "AKS cluster API server is not private"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_115", "AVD-AZU-0065", "azure-container-enable-private-cluster"]

  description = <<-EOT
    A cluster that is not private publishes its Kubernetes API server on a public endpoint. Anyone on
    the internet can then reach the authentication layer of the control plane, probe it for
    vulnerabilities and try stolen credentials. A private cluster puts the API server on a private IP
    address in the customer's virtual network. Azure runs the control plane; where it is reachable
    from is the customer's choice.

    `private_cluster_enabled` defaults to `false` and can only be set when the cluster is created.
    Severity is medium because the API server still requires authentication; a public API server
    that is not even limited to authorised ranges is reported by `azure-aks-api-server-authorized-ip-ranges`.
  EOT
  remediation = "Set `private_cluster_enabled = true` (and reach the API server through the virtual network, a jump host or `az aks command invoke`); where a public endpoint is unavoidable, limit it with `api_server_access_profile.authorized_ip_ranges`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#private_cluster_enabled",
    "https://learn.microsoft.com/en-us/azure/aks/private-clusters",
  ]

  assert {
    attribute "private_cluster_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {  # expect: azure-aks-private-cluster
        name                = "aks-apps"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aksapps"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "private_api" {
        type    = bool
        default = false
      }

      resource "azurerm_kubernetes_cluster" "apps" {
        name                    = "aks-apps"
        location                = "westeurope"
        resource_group_name     = "rg-aks"
        dns_prefix              = "aksapps"
        private_cluster_enabled = var.private_api  # expect: azure-aks-private-cluster

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {
        name                    = "aks-apps"
        location                = "westeurope"
        resource_group_name     = "rg-aks"
        dns_prefix              = "aksapps"
        private_cluster_enabled = true

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }
}
