rule "azure-storage-cross-tenant-replication" {
  title     = "Storage account allows object replication to other Entra ID tenants"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_storage_account"]

  compliance = { "cis-azure-3.0" = ["4.16"] }
  description = <<-EOT
    With cross-tenant replication allowed, anyone with permission to write object replication
    policies on the account can set up continuous copying of its blobs to a storage account in a
    tenant the organisation does not control, an exfiltration path that survives revoking their
    access. Where data may be replicated is the customer's decision.

    `cross_tenant_replication_enabled` defaulted to `true` up to azurerm v3 and to `false` from
    v4. An absent argument is therefore not reported (the rule cannot know the provider version);
    only an explicit `true` is. Severity is medium: it
    needs a privileged insider or compromised identity to exploit.
  EOT
  remediation = "Set `cross_tenant_replication_enabled = false` unless the account really replicates to a partner tenant."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#cross_tenant_replication_enabled",
    "https://learn.microsoft.com/en-us/azure/storage/blobs/object-replication-prevent-cross-tenant-policies",
  ]

  assert {
    attribute "cross_tenant_replication_enabled" {
      not_equals = true
      default    = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "data" {
        name                             = "data"
        resource_group_name              = "rg-data"
        location                         = "westeurope"
        account_tier                     = "Standard"
        account_replication_type         = "GRS"
        cross_tenant_replication_enabled = true  # expect: azure-storage-cross-tenant-replication
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "data" {
        name                             = "data"
        resource_group_name              = "rg-data"
        location                         = "westeurope"
        account_tier                     = "Standard"
        account_replication_type         = "GRS"
        cross_tenant_replication_enabled = false
      }
    EOT
  }
}
