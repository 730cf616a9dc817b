rule "azure-aks-disk-encryption-set" {
  title     = "AKS node disks are not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["azurerm_kubernetes_cluster"]
  aliases   = ["CKV_AZURE_117", "AVD-AZU-0067", "azure-container-enable-disk-encryption"]

  description = <<-EOT
    AKS node OS and data disks are encrypted at rest with platform-managed keys. A disk encryption
    set lets the customer encrypt them with a key in their own Key Vault instead, so revoking the
    key makes the disks (and any secrets or container images cached on them) unreadable, and key
    use is audited. Owning the key is the customer's choice.

    `disk_encryption_set_id` is optional with no default and can only be set when the cluster is
    created. Severity is low: the disks are encrypted either way; this is about key ownership, which
    regulated workloads often require.
  EOT
  remediation = "Create an `azurerm_disk_encryption_set` with a Key Vault key and set `disk_encryption_set_id` on the cluster (recreating it)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#disk_encryption_set_id",
    "https://learn.microsoft.com/en-us/azure/aks/azure-disk-customer-managed-keys",
  ]

  assert {
    attribute "disk_encryption_set_id" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_kubernetes_cluster" "apps" {  # expect: azure-aks-disk-encryption-set
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
        disk_encryption_set_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.Compute/diskEncryptionSets/des-aks"

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
