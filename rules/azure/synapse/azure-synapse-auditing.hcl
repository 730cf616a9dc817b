rule "azure-synapse-auditing" {
  title     = "Synapse workspace has no auditing policy"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_synapse_workspace"]
  aliases   = ["CKV2_AZURE_53"]

  description = <<-EOT
    Workspace auditing records logins, queries and permission changes on the workspace's SQL pools.
    Without it there is no trail of who read or exported data from the analytical store, which
    typically holds copies of many source systems, so a breach or an insider cannot be
    investigated. Turning on and keeping the audit log is the customer's side of the managed
    service.

    The rule asks for an `azurerm_synapse_workspace_extended_auditing_policy` that refers to the
    workspace through `synapse_workspace_id`. An auditing policy set outside Terraform is not seen;
    suppress the finding there. Severity is medium: a detection and forensics control.
  EOT
  remediation = "Add `resource \"azurerm_synapse_workspace_extended_auditing_policy\" \"x\" { synapse_workspace_id = azurerm_synapse_workspace.<name>.id  log_monitoring_enabled = true  retention_in_days = 90 }` (with a `storage_endpoint`, or a diagnostic setting sending `SQLSecurityAuditEvents` to a workspace)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/synapse_workspace_extended_auditing_policy",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview",
  ]

  assert {
    linked "azurerm_synapse_workspace_extended_auditing_policy" {
      via = "synapse_workspace_id"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "analytics" {  # expect: azure-synapse-auditing
        name                                 = "syn-analytics"
        resource_group_name                  = "rg-analytics"
        location                             = "westeurope"
        storage_data_lake_gen2_filesystem_id = "https://stlake.dfs.core.windows.net/synapse"
        managed_virtual_network_enabled      = true
        public_network_access_enabled        = false

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_synapse_workspace" "analytics" {
        name                                 = "syn-analytics"
        resource_group_name                  = "rg-analytics"
        location                             = "westeurope"
        storage_data_lake_gen2_filesystem_id = "https://stlake.dfs.core.windows.net/synapse"
        managed_virtual_network_enabled      = true
        public_network_access_enabled        = false

        identity {
          type = "SystemAssigned"
        }
      }

      resource "azurerm_synapse_workspace_extended_auditing_policy" "analytics" {
        synapse_workspace_id   = azurerm_synapse_workspace.analytics.id
        log_monitoring_enabled = true
        retention_in_days      = 90
      }
    EOT
  }
}
