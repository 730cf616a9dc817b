rule "azure-aks-secret-rotation" {
  title     = "AKS Key Vault secrets provider does not rotate mounted secrets"
  severity  = "low"
  area      = "application-workload"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_172"]

  description = <<-EOT
    The Key Vault secrets provider mounts Key Vault secrets, keys and certificates into pods. Without
    rotation, a pod keeps the value it mounted at start: after a secret is rotated or revoked in
    Key Vault (because it leaked, or on schedule) the old value stays in use until every pod is
    restarted, so the rotation does not actually retire the compromised credential. Keeping the
    workload's secrets current is the customer's side.

    The rule applies to clusters with a `key_vault_secrets_provider` block and asks for
    `secret_rotation_enabled = true` (default `false`; the poll interval defaults to two minutes).
    Severity is low: rotation lag, not an exposure.
  EOT
  remediation = "Set `key_vault_secrets_provider { secret_rotation_enabled = true }` (optionally `secret_rotation_interval`), and make the applications reread the mounted files or synced Kubernetes secrets."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#secret_rotation_enabled",
    "https://learn.microsoft.com/en-us/azure/aks/csi-secrets-store-configuration-options#enable-and-disable-auto-rotation",
  ]

  when {
    attribute "key_vault_secrets_provider" {
      present = true
    }
  }

  assert {
    attribute "key_vault_secrets_provider.secret_rotation_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "app" {
        name                = "aks-app"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks-app"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }

        key_vault_secrets_provider {
          secret_rotation_enabled = false  # expect: azure-aks-secret-rotation
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "app" {
        name                = "aks-app"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks-app"

        default_node_pool {
          name       = "system"
          node_count = 3
          vm_size    = "Standard_D4s_v5"
        }

        identity {
          type = "SystemAssigned"
        }

        key_vault_secrets_provider {
          secret_rotation_enabled  = true
          secret_rotation_interval = "5m"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # no secrets provider add-on: out of scope
      resource "azurerm_kubernetes_cluster" "app" {
        name                = "aks-app"
        location            = "westeurope"
        resource_group_name = "rg-aks"
        dns_prefix          = "aks-app"

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
