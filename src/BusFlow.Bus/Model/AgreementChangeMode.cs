namespace BusFlow.Bus.Model;

/// <summary>How an agreement's text changes over time.</summary>
public enum AgreementChangeMode
{
    /// <summary>A new agreement for each mandate period, decided by the parties before the old one ends (agreement-renewal).</summary>
    RenewedEachMandate,

    /// <summary>One agreement that runs on and is revised when needed, each revision decided by the parties (Norrtälje: 2009, revised 2012 and 2014; agreement-revision).</summary>
    RevisedInPlace,
}
