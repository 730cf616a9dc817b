rule "azure-keyvault-key-rotation-policy" {
  title     = "Key Vault key has no automatic rotation policy"
  severity  = "low"
  area      = "data-protection"
  resources = ["azurerm_key_vault_key"]

  compliance = { "cis-azure-3.0" = ["3.3.8"] }
  description = <<-EOT
    A key that is never rotated protects more data the longer it lives, and if it leaks (an export,
    a backup, a compromised application with `get` rights) everything it ever encrypted stays
    readable. Key Vault can create new key versions on a schedule; services that reference the
    key without a version (Storage, SQL TDE, disk encryption sets, AKS) then pick up the new version
    automatically. Key lifetime is the customer's side: Key Vault does not rotate keys unless told
    to.

    The rule asks for a `rotation_policy` block with an `automatic` block that sets
    `time_after_creation` or `time_before_expiry`. `expire_after` alone only sets an expiry
    (see `azure-keyvault-key-expiry`). Keys that are imported or whose rotation is driven by an
    external HSM process should suppress the rule. Severity is low: a hygiene control that limits
    the blast radius of a key leak.
  EOT
  remediation = "Add `rotation_policy { automatic { time_before_expiry = \"P30D\" } expire_after = \"P90D\" notify_before_expiry = \"P29D\" }` (or `time_after_creation`) to the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_key#rotation_policy",
    "https://learn.microsoft.com/en-us/azure/key-vault/keys/how-to-configure-key-rotation",
  ]

  assert {
    any {
      attribute "rotation_policy.automatic.time_after_creation" {
        present = true
      }
      attribute "rotation_policy.automatic.time_before_expiry" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_key_vault_key" "cmk" {  # expect: azure-keyvault-key-rotation-policy
        name            = "cmk-storage"
        key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
        key_type        = "RSA"
        key_size        = 3072
        key_opts        = ["wrapKey", "unwrapKey"]
        expiration_date = "2027-06-30T00:00:00Z"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_key_vault_key" "cmk" {
        name         = "cmk-storage"
        key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
        key_type     = "RSA"
        key_size     = 3072
        key_opts     = ["wrapKey", "unwrapKey"]

        rotation_policy {  # expect: azure-keyvault-key-rotation-policy
          expire_after         = "P90D"
          notify_before_expiry = "P29D"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_key_vault_key" "cmk" {
        name         = "cmk-storage"
        key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
        key_type     = "RSA"
        key_size     = 3072
        key_opts     = ["wrapKey", "unwrapKey"]

        rotation_policy {
          automatic {
            time_before_expiry = "P30D"
          }
          expire_after         = "P90D"
          notify_before_expiry = "P29D"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_key_vault_key" "signing" {
        name         = "signing"
        key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
        key_type     = "EC"
        curve        = "P-256"
        key_opts     = ["sign", "verify"]

        rotation_policy {
          automatic {
            time_after_creation = "P180D"
          }
        }
      }
    EOT
  }
}
