rule "azure-aks-entra-integration" {
  title     = "AKS cluster does not authenticate users with Entra ID"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_kubernetes_cluster"]

  description = <<-EOT
    Without Entra ID integration, access to the Kubernetes API rests on client certificates in
    kubeconfig files: they cannot be revoked individually, are not subject to MFA or conditional
    access, and outlive the people who downloaded them. With the integration, every `kubectl` user
    signs in with Entra ID, and group membership decides their Kubernetes or Azure RBAC roles. The
    cluster's identity model is the customer's side of managed Kubernetes.

    The rule passes when an `azure_active_directory_role_based_access_control` block is present
    (azurerm v3 and v4; in v3 it also needs `managed = true`, the only option in v4), or when the
    pre-v3 form `role_based_access_control.azure_active_directory` is present. Severity is medium;
    local accounts are reported separately by `azure-aks-local-accounts-disabled`.
  EOT
  remediation = "Add `azure_active_directory_role_based_access_control { azure_rbac_enabled = true  admin_group_object_ids = [...] }` (and `managed = true` on azurerm v3), and disable local accounts."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#azure_active_directory_role_based_access_control",
    "https://learn.microsoft.com/en-us/azure/aks/enable-authentication-microsoft-entra-id",
  ]

  assert {
    any {
      attribute "azure_active_directory_role_based_access_control" {
        present = true
      }
      attribute "role_based_access_control.azure_active_directory" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {  # expect: azure-aks-entra-integration
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

  example "good" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {
        name                   = "aks-apps"
        location               = "westeurope"
        resource_group_name    = "rg-aks"
        dns_prefix             = "aksapps"
        local_account_disabled = true

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }

        azure_active_directory_role_based_access_control {
          azure_rbac_enabled     = true
          admin_group_object_ids = ["00000000-0000-0000-0000-000000000010"]
        }
      }
    EOT
  }
}
