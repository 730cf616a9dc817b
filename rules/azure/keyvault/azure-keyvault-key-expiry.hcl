rule "azure-keyvault-key-expiry" {
  title     = "Key Vault key has no expiration date"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_key_vault_key"]
  aliases   = ["CKV_AZURE_40", "AVD-AZU-0014", "azure-keyvault-ensure-key-expiry"]

  compliance = { "cis-azure-3.0" = ["3.3.1", "3.3.2"] }
  description = <<-EOT
    A key without an expiration date stays usable for ever. Keys that never expire are never rotated
    by necessity, so a key that leaked or was copied keeps decrypting and signing indefinitely, and
    the amount of data protected by one key grows without bound. Setting an expiry (together with a
    rotation policy) is the customer's part of key management; Azure only enforces the date it is
    given.

    `expiration_date` has no default: an absent date means the key never expires. Severity is medium:
    missing expiry weakens defence in depth but exposes nothing by itself.
  EOT
  remediation = "Set `expiration_date` (an RFC 3339 date) on the `azurerm_key_vault_key`, and add a `rotation_policy` so a new version is created before it expires."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_key#expiration_date",
    "https://learn.microsoft.com/en-us/azure/key-vault/keys/how-to-configure-key-rotation",
  ]

  assert {
    attribute "expiration_date" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_key_vault_key" "disk" {  # expect: azure-keyvault-key-expiry
        name         = "disk-encryption"
        key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
        key_type     = "RSA"
        key_size     = 3072
        key_opts     = ["wrapKey", "unwrapKey"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_key_vault_key" "disk" {
        name            = "disk-encryption"
        key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
        key_type        = "RSA"
        key_size        = 3072
        key_opts        = ["wrapKey", "unwrapKey"]
        expiration_date = "2027-06-30T00:00:00Z"
      }
    EOT
  }
}
