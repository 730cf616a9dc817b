rule "azure-aks-api-server-authorized-ip-ranges" {
  title     = "AKS API server is reachable from any IP address"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_6", "AVD-AZU-0041", "azure-container-limit-authorized-ips"]

  description = <<-EOT
    A public AKS cluster exposes its Kubernetes API server on the internet. Without authorized IP
    ranges anyone can reach it, probe for anonymous-access misconfigurations and vulnerabilities, and
    use any leaked kubeconfig or token from anywhere. Restricting the API server to known ranges, or
    making the cluster private, is the customer's network choice.

    The cluster is compliant when `private_cluster_enabled = true` (default `false`) or when it
    lists authorized ranges that do not include `0.0.0.0/0`. The argument moved:
    `api_server_authorized_ip_ranges` (azurerm v2/v3, deprecated in v3 and removed in v4) became
    `api_server_access_profile { authorized_ip_ranges = [...] }`; both are accepted.
  EOT
  remediation = "Add `api_server_access_profile { authorized_ip_ranges = [\"203.0.113.0/24\"] }` with the ranges of your administrators and CI, or set `private_cluster_enabled = true`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#authorized_ip_ranges",
    "https://docs.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/4.0-upgrade-guide",
  ]

  assert {
    any {
      attribute "private_cluster_enabled" {
        equals  = true
        default = false
      }
      attribute "api_server_access_profile.authorized_ip_ranges" {
        length_gte   = 1
        not_contains = "0.0.0.0/0"
      }
      # azurerm v2/v3 spelling
      attribute "api_server_authorized_ip_ranges" {
        length_gte   = 1
        not_contains = "0.0.0.0/0"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "prod" {  # expect: azure-aks-api-server-authorized-ip-ranges
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
      }
    EOT
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

        api_server_access_profile {
          authorized_ip_ranges = ["0.0.0.0/0"]  # expect: azure-aks-api-server-authorized-ip-ranges
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

        api_server_access_profile {
          authorized_ip_ranges = ["203.0.113.0/24"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # azurerm v3 spelling
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

        api_server_authorized_ip_ranges = ["203.0.113.0/24"]
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

        private_cluster_enabled = true
      }
    EOT
  }
}
