rule "azure-aks-local-accounts-disabled" {
  title     = "AKS cluster keeps its local admin account enabled"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_141"]

  description = <<-EOT
    Every AKS cluster has a local `clusterAdmin` credential that bypasses Entra ID: whoever can call
    `listClusterAdminCredential` (or finds an exported kubeconfig) gets a non-expiring,
    non-attributable cluster-admin certificate that conditional access, MFA and user offboarding do not
    touch. Disabling local accounts forces all access through Entra ID identities. The setting belongs
    to the customer's cluster configuration.

    `local_account_disabled` has no documented default and is off unless set. Setting it to `true`
    requires Kubernetes RBAC and AKS-managed Entra ID integration
    (`azure_active_directory_role_based_access_control`).
  EOT
  remediation = "Configure `azure_active_directory_role_based_access_control { ... }` and set `local_account_disabled = true`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#local_account_disabled",
    "https://docs.microsoft.com/azure/aks/managed-aad#disable-local-accounts",
  ]

  assert {
    attribute "local_account_disabled" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "prod" {  # expect: azure-aks-local-accounts-disabled
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

        local_account_disabled = true

        azure_active_directory_role_based_access_control {
          azure_rbac_enabled     = true
          admin_group_object_ids = ["00000000-0000-0000-0000-000000000001"]
        }
      }
    EOT
  }
}
